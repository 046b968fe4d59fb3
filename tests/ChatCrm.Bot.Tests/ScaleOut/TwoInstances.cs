using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Testing;

namespace ChatCrm.Bot.Tests.ScaleOut;

/// <summary>
/// Two real bot processes, A and B, started at the same time on one fresh PostgreSQL database (both migrate at start-up:
/// EF Core's migration lock lets one apply and the other find nothing to do), with the fake Bot Connector and the fake
/// Slack Web API on loopback as the outside world. Settings come as environment variables, the way an operator deploys;
/// the digest check runs every second so a test can watch both clustered schedulers through a digest period.
/// Shared by the scale-out tests (each uses people of its own); both processes are killed at the end.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    public const string SigningSecret = "3c1f0e9d8b7a6c5d4e3f2a1b0c9d8e7f";

    private readonly List<BotProcess> _instances = [];

    public PostgresTestDatabase Database { get; private set; } = null!;

    public FakeBotConnector Connector { get; private set; } = null!;

    public FakeSlack Slack { get; private set; } = null!;

    public BotProcess A => _instances[0];

    public BotProcess B => _instances[1];

    public async Task InitializeAsync()
    {
        // The fake connector checks every card against the Adaptive Cards schema: load it now, not inside a send's time limit.
        _ = AdaptiveCardSchema.Problems(new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = new JsonArray() });
        Database = await PostgresTestDatabase.CreateAsync("scaleout");
        Connector = await FakeBotConnector.StartAsync();
        Slack = await FakeSlack.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development", // unauthenticated Teams calls and loopback service URLs, as in every transcript test
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = Database.ConnectionString,
            ["Demo:SeedEmptyDatabase"] = "false",
            ["Conversation:TypingIndicatorDelay"] = "01:00:00",
            ["Conversation:TurnsPerUser"] = "0", // as in every transcript test; the limit has tests of its own
            ["Slack:Enabled"] = "true",
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:BotToken"] = FakeSlack.BotToken,
            ["Slack:ApiBaseUrl"] = Slack.ApiBaseUrl.AbsoluteUri,
            ["Work:PollInterval"] = "00:00:00.200",
            ["Scheduling:DigestCheckCron"] = "* * * * * ?",
            // No quiet hours: pushed offer events go out whatever the hour the tests run at.
            ["Outreach:QuietHoursStart"] = "00:00:00",
            ["Outreach:QuietHoursEnd"] = "00:00:00",
        };
        var starting = new[] { "A", "B" }.Select(name => BotProcess.StartAsync(name, settings)).ToList();
        try
        {
            await Task.WhenAll(starting);
        }
        finally
        {
            foreach (var start in starting.Where(s => s.IsCompletedSuccessfully))
                _instances.Add(start.Result);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
            await instance.DisposeAsync();
        await Slack.DisposeAsync();
        await Connector.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>A context of the test's own on the shared database (the caller disposes it).</summary>
    public CrmDbContext Db() => CrmDbContextFactory.Create(DatabaseProvider.Postgres, Database.ConnectionString);

    public async Task<T> WithDatabaseAsync<T>(Func<CrmDbContext, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var db = Db();
        return await work(db);
    }

    /// <summary>Runs <paramref name="scenario"/>; a failure carries both processes' output.</summary>
    public async Task ExplainFailuresAsync(Func<Task> scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        try
        {
            await scenario();
        }
        catch (Exception failure)
        {
            var output = string.Join(Environment.NewLine, _instances.Select(i => $"--- instance {i.Name} ---{Environment.NewLine}{i.Output}"));
            throw new Xunit.Sdk.XunitException($"{failure}{Environment.NewLine}{output}");
        }
    }
}
