using System.CommandLine;
using System.Globalization;
using ChatCrm.Infrastructure.Integrations;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Api.ApiKeys;

/// <summary>
/// <c>apikeys create &lt;name&gt; --scopes crm.read,crm.write</c>, <c>apikeys list</c>, <c>apikeys rotate &lt;name&gt;</c>
/// and <c>apikeys revoke &lt;name&gt;</c>: an admin's handling of the REST API's keys for integrations without Entra ID.
/// The secret is printed once, on create and rotate, and only its SHA-256 is stored.
/// </summary>
public static class ApiKeyCommands
{
    /// <summary>Exit code when the named key does not exist, already exists, or is revoked.</summary>
    public const int Refused = 3;

    public static Command Create(Func<IHost> buildHost, TextWriter? output = null, TextWriter? errors = null)
    {
        var write = output ?? Console.Out;
        var complain = errors ?? Console.Error;
        var name = new Argument<string>("name") { Description = "The integration's name: letters, digits, '-', '_' or '.' (\"erp-sync\")." };
        var scopes = new Option<string>("--scopes")
        {
            Description = $"Comma-separated scopes: {string.Join(", ", ApiScopes.All)}.",
            Required = true,
        };
        var create = new Command("create", "Create an API key and print it once.") { name, scopes };
        create.SetAction((parse, ct) => RunAsync(buildHost, complain, async db =>
        {
            var keyName = parse.GetValue(name)!;
            if (await db.ApiKeys.AnyAsync(k => k.Name == keyName.Trim(), ct))
                return await FailAsync(complain, $"An API key named '{keyName.Trim()}' exists; rotate it, or revoke it and choose another name.");
            var (key, token) = ApiKey.Create(keyName, parse.GetValue(scopes)!.Split(','), DateTimeOffset.UtcNow);
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync(ct);
            await write.WriteLineAsync($"Created API key '{key.Name}' with scopes {key.Scopes}. Give this key to the integration now; it is not shown again:");
            await write.WriteLineAsync(token);
            return 0;
        }, ct));

        var list = new Command("list", "List the API keys (names, scopes, dates; never secrets).");
        list.SetAction((_, ct) => RunAsync(buildHost, complain, async db =>
        {
            var keys = await db.ApiKeys.AsNoTracking().ToListAsync(ct);
            if (keys.Count == 0)
                await write.WriteLineAsync("No API keys. Create one with: apikeys create <name> --scopes crm.read,crm.write");
            foreach (var key in keys.OrderBy(k => k.Name, StringComparer.Ordinal))
            {
                var state = key.RevokedAt is { } revoked ? $"revoked {Date(revoked)}" : key.RotatedAt is { } rotated ? $"active, rotated {Date(rotated)}" : "active";
                await write.WriteLineAsync($"{key.Name,-30} {key.Scopes,-30} created {Date(key.CreatedAt)}  {state}");
            }
            return 0;
        }, ct));

        var rotateName = new Argument<string>("name") { Description = "The key to give a new secret." };
        var rotate = new Command("rotate", "Replace a key's secret and print the new key once; the old one stops working at once.") { rotateName };
        rotate.SetAction((parse, ct) => RunAsync(buildHost, complain, async db =>
        {
            var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Name == parse.GetValue(rotateName)!.Trim(), ct);
            if (key is null)
                return await FailAsync(complain, $"There is no API key named '{parse.GetValue(rotateName)}'.");
            if (key.IsRevoked)
                return await FailAsync(complain, $"The API key '{key.Name}' was revoked; create a new one instead.");
            var token = key.Rotate(DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(ct);
            await write.WriteLineAsync($"Rotated API key '{key.Name}'; the previous key no longer works. The new key (not shown again):");
            await write.WriteLineAsync(token);
            return 0;
        }, ct));

        var revokeName = new Argument<string>("name") { Description = "The key to revoke." };
        var revoke = new Command("revoke", "Revoke a key: every request with it is refused from now on.") { revokeName };
        revoke.SetAction((parse, ct) => RunAsync(buildHost, complain, async db =>
        {
            var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Name == parse.GetValue(revokeName)!.Trim(), ct);
            if (key is null)
                return await FailAsync(complain, $"There is no API key named '{parse.GetValue(revokeName)}'.");
            key.Revoke(DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(ct);
            await write.WriteLineAsync($"Revoked API key '{key.Name}'.");
            return 0;
        }, ct));

        return new Command("apikeys", "Create, list, rotate and revoke the REST API keys of integrations without Entra ID.") { create, list, rotate, revoke };
    }

    private static async Task<int> RunAsync(Func<IHost> buildHost, TextWriter errors, Func<CrmDbContext, Task<int>> work, CancellationToken ct)
    {
        using var host = buildHost();
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
        try
        {
            return await work(scope.ServiceProvider.GetRequiredService<CrmDbContext>());
        }
        catch (ArgumentException problem)
        {
            return await FailAsync(errors, problem.Message.Split(" (Parameter", 2)[0]);
        }
    }

    private static async Task<int> FailAsync(TextWriter errors, string message)
    {
        await errors.WriteLineAsync(message);
        return Refused;
    }

    private static string Date(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
