using System.CommandLine;
using System.Net;
using ChatCrm.Bot.Api.ApiKeys;
using ChatCrm.Bot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace ChatCrm.Bot.Tests.Api;

/// <summary><c>apikeys create/list/rotate/revoke</c> as an admin runs them, and what the keys they print can do over HTTP.</summary>
public sealed class ApiKeyCommandTests : ApiTestBase
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _errors = new();

    [Fact]
    public async Task ApiKeys_CreateRotateRevoke_ThePrintedKeyWorksUntilReplacedOrRevoked()
    {
        Assert.Equal(0, await RunAsync("apikeys", "create", "erp-sync", "--scopes", "crm.read,crm.write"));
        var created = LastKey();
        var afterCreate = await StatusWithAsync(created);

        Assert.Equal(0, await RunAsync("apikeys", "rotate", "erp-sync"));
        var rotated = LastKey();
        var oldAfterRotate = await StatusWithAsync(created);
        var newAfterRotate = await StatusWithAsync(rotated);

        Assert.Equal(0, await RunAsync("apikeys", "revoke", "erp-sync"));
        var afterRevoke = await StatusWithAsync(rotated);
        Assert.Equal(0, await RunAsync("apikeys", "list"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.Unauthorized),
            (afterCreate, oldAfterRotate, newAfterRotate, afterRevoke));
        Assert.Contains("erp-sync", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("revoked", _output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("crm.read,crm.admin")]
    [InlineData(",")]
    public async Task ApiKeysCreate_UnknownOrNoScope_RefusesAndStoresNothing(string scopes)
    {
        var exitCode = await RunAsync("apikeys", "create", "erp", "--scopes", scopes);

        Assert.Equal(ApiKeyCommands.Refused, exitCode);
        Assert.Contains("scope", _errors.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDatabaseAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.ApiKeys)));
    }

    [Fact]
    public async Task ApiKeysRotate_UnknownName_Refuses()
    {
        var exitCode = await RunAsync("apikeys", "rotate", "nobody");

        Assert.True(exitCode == ApiKeyCommands.Refused, _errors.ToString());
    }

    private string LastKey() => _output.ToString().Split('\n', StringSplitOptions.TrimEntries).Last(l => l.StartsWith("ccrm_", StringComparison.Ordinal));

    private async Task<HttpStatusCode> StatusWithAsync(string key)
    {
        using var client = ClientWithKey(key);
        using var response = await client.GetAsync($"/api/v1/customers/{Customer.Id.Value}");
        return response.StatusCode;
    }

    private Task<int> RunAsync(params string[] args)
    {
        var root = new RootCommand { ApiKeyCommands.Create(BuildHost, _output, _errors) };
        return root.Parse(args).InvokeAsync();
    }

    private IHost BuildHost()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = Database.Provider.ToString(),
            ["Database:ConnectionString"] = Database.ConnectionString,
        });
        builder.Services.AddChatCrm(builder.Configuration);
        return builder.Build();
    }
}
