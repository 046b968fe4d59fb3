using System.Net.Http.Json;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Infrastructure.Persistence.Outbox;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.ScaleOut;

/// <summary>
/// The reply outbox against a crash, for Teams (ADR 0011), beside <see cref="ReplyOutboxKillTests"/> for Slack: a real bot
/// process on a SQLite file runs 40 Teams turns (<c>POST /api/messages</c>, one personal chat each, as the fake Bot
/// Connector's activities) and is killed with SIGKILL once every one of them has committed, while each waits between the
/// commit and the send (the Development-only delay holds every reply back, so the crash lands in that window every time;
/// Teams runs a turn inside its request, so the requests die with the process). A second process on the same file then
/// sends every turn's reply to the fake connector, each exactly once, as a reply to its activity, within 30 seconds.
/// The processes run in Development without an app id, as the other scale-out tests do: with one, the outbound token
/// would have to come from Entra, which nothing on this machine may reach.
/// </summary>
public sealed class TeamsReplyOutboxKillTests : IAsyncLifetime
{
    private const int Turns = 40;

    private readonly SqliteTestDatabase _database = SqliteTestDatabase.MigratedFile();
    private readonly List<BotProcess> _processes = [];
    private FakeBotConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeBotConnector.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
            await process.DisposeAsync();
        await _connector.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public Task TeamsTurns_ProcessKilledAfterEveryCommit_EveryReplyReachesTheConnectorOnceAfterRestart() => ExplainFailuresAsync(async () =>
    {
        var people = await ArrangeAsync();
        var first = await StartAsync("A", new() { ["Outbox:DiagnosticDelayAfterCommit"] = "00:05:00" });
        using var http = first.Client();
        var requests = people.Select((person, index) => http.PostAsJsonAsync("/api/messages",
            TeamsActivities.Message(_connector.ServiceUrl, Conversation(index), person, $"find {Email(index)}"))).ToList();

        // Every turn committed (its reply is written with it), none answered: the crash lands after each commit.
        await Eventually.WaitUntilAsync(async () => await CountAsync(db => db.OutboxMessages.CountAsync()) == Turns, "every turn to commit before the kill", TimeSpan.FromSeconds(90));
        await first.KillAsync();
        await Task.WhenAll(requests.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default))); // they died with the process
        Assert.DoesNotContain(_connector.Activities, a => a.Type == "message");

        await StartAsync("B", []);

        await Eventually.WaitUntilAsync(async () => await CountAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Delivered)) == Turns,
            "every reply to be delivered within 30 seconds of the restart", TimeSpan.FromSeconds(30));
        var messages = _connector.Activities.Where(a => a.Type == "message").ToList();
        for (var index = 0; index < Turns; index++)
        {
            var reply = Assert.Single(messages, m => m.ConversationId == Conversation(index)); // once each, where it was asked
            Assert.Contains(Name(index), reply.Text, StringComparison.Ordinal);
            Assert.NotNull(reply.ReplyToId); // a reply to the activity that asked
        }
        Assert.Equal(Turns, messages.Count);
        Assert.Equal(Turns, await CountAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.ViewedCustomer))); // no turn run twice
        Assert.Empty(_connector.Violations);
    });

    private async Task<List<TeamsUser>> ArrangeAsync()
    {
        var people = Enumerable.Range(0, Turns)
            .Select(index => new TeamsUser($"29:kill-teams-{index}", Guid.NewGuid().ToString(), $"Kill Teams {index}")).ToList();
        await using var db = _database.CreateContext();
        for (var index = 0; index < Turns; index++)
            await db.AddCustomerAsync(Name(index), "Kill Test TM", email: Email(index), owner: await db.AddRepAsync(people[index]));
        return people;
    }

    private static string Conversation(int index) => $"a:kill-teams-personal-{index}";

    private static string Name(int index) => $"Cliente Teams {index:D2}";

    private static string Email(int index) => $"teams{index}@kill.example.es";

    private async Task<BotProcess> StartAsync(string name, Dictionary<string, string> extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development", // unauthenticated Teams calls and loopback service URLs
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = _database.ConnectionString,
            ["Demo:SeedEmptyDatabase"] = "false",
            ["Conversation:TypingIndicatorDelay"] = "01:00:00",
            ["Conversation:TurnsPerUser"] = "0",
            ["Work:PollInterval"] = "00:00:00.200",
        };
        foreach (var (key, value) in extra)
            settings[key] = value;
        var process = await BotProcess.StartAsync(name, settings);
        _processes.Add(process);
        return process;
    }

    private async Task<int> CountAsync(Func<Infrastructure.Persistence.CrmDbContext, Task<int>> count)
    {
        await using var db = _database.CreateContext();
        return await count(db);
    }

    private async Task ExplainFailuresAsync(Func<Task> scenario)
    {
        try
        {
            await scenario();
        }
        catch (Exception failure)
        {
            var output = string.Join(Environment.NewLine, _processes.Select(p => $"--- instance {p.Name} ---{Environment.NewLine}{p.Output}"));
            throw new Xunit.Sdk.XunitException($"{failure}{Environment.NewLine}{output}");
        }
    }
}
