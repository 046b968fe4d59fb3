using System.Net;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence.Inbox;
using ChatCrm.Infrastructure.Persistence.Outbox;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.ScaleOut;

/// <summary>
/// The reply outbox against a crash (ADR 0011): a real bot process on a SQLite file acknowledges 50 signed <c>/crm</c>
/// commands from five people and is killed with SIGKILL right after the last acknowledgement, while the turns it has
/// committed wait (a Development-only setting holds every reply back between the commit and the send, so the crash
/// lands in that window every time). A second process on the same file then answers every one of the 50, each person's
/// answers in the order they asked, and nothing is stored twice. Without the outbox the committed turns' answers are lost.
/// </summary>
public sealed class ReplyOutboxKillTests : IAsyncLifetime
{
    private const string SigningSecret = "5d2a9c8b7e6f4a3b2c1d0e9f8a7b6c5d";
    private const int People = 5;
    private const int CommandsEach = 10;

    private readonly SqliteTestDatabase _database = SqliteTestDatabase.MigratedFile();
    private readonly List<BotProcess> _processes = [];
    private FakeSlack _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlack.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
            await process.DisposeAsync();
        await _slack.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public Task SlackCommands_ProcessKilledAfterTheLastAck_EveryCommandIsAnsweredOnceInOrderAfterRestart() => ExplainFailuresAsync(async () =>
    {
        var first = await StartAsync("A", new() { ["Outbox:DiagnosticDelayAfterCommit"] = "00:05:00" });
        var people = await ArrangeAsync();
        using (var http = first.Client())
        {
            for (var round = 0; round < CommandsEach; round++)
            {
                foreach (var person in people)
                {
                    var ack = await new SlackClient(http, _slack, SigningSecret, person).CommandAsync($"find {Email(person, round)}", channelId: "D" + person.UserId);
                    Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
                }
            }
        }
        // At least one turn committed (its inbox item is done with it), none answered yet: the crash lands after the commit.
        await Eventually.WaitUntilAsync(async () => await CountAsync(db => db.InboxItems.CountAsync(i => i.Status == InboxStatus.Done)) > 0, "a turn to commit before the kill");
        await first.KillAsync();
        Assert.DoesNotContain(_slack.Calls, c => c.Method == "response_url");

        await StartAsync("B", []);

        await Eventually.WaitUntilAsync(() => Answers().Count >= People * CommandsEach, "every command to be answered after the restart", TimeSpan.FromSeconds(90));
        var answers = Answers();
        foreach (var person in people)
        {
            var theirs = Enumerable.Range(0, CommandsEach).Select(round => answers.FindIndex(a => a.Contains(Name(person, round), StringComparison.Ordinal))).ToList();
            Assert.All(theirs, index => Assert.True(index >= 0, $"a command of {person.Name} was never answered"));
            Assert.Equal(theirs.Order().ToList(), theirs); // each person's answers in the order they asked
        }
        Assert.Equal(People * CommandsEach, answers.Count); // once each
        var views = await CountAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.ViewedCustomer));
        Assert.Equal(People * CommandsEach, views); // no turn run twice
        // A reply is marked delivered just after Slack got it: the last mark may still be on its way.
        await Eventually.WaitUntilAsync(async () => await CountAsync(db => db.OutboxMessages.CountAsync(m => m.Status != OutboxStatus.Pending)) == People * CommandsEach,
            "every reply to be settled in the outbox");
        Assert.Equal(People * CommandsEach, await CountAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Delivered)));
        Assert.Empty(_slack.Violations);
    });

    private List<string> Answers() => _slack.Calls.Where(c => c.Method == "response_url" && !c.Throttled).Select(c => c.Text).ToList();

    private async Task<List<SlackUser>> ArrangeAsync()
    {
        var people = Enumerable.Range(1, People).Select(n => new SlackUser("T0KILL", $"U0KILL{n}", $"kill{n}")).ToList();
        await using var db = _database.CreateContext();
        foreach (var person in people)
        {
            var user = new User(UserId.New(), person.Name, UserRole.SalesRep, "Iberia", "Europe/Madrid", "en-US");
            user.LinkSlack(person.TeamId, person.UserId);
            db.Users.Add(user);
            await db.SaveChangesAsync();
            for (var round = 0; round < CommandsEach; round++)
                await db.AddCustomerAsync(Name(person, round), "Kill Test SL", email: Email(person, round), owner: user);
        }
        return people;
    }

    private static string Name(SlackUser person, int round) => $"Cliente {person.UserId[^1]}{(char)('A' + round)}";

    private static string Email(SlackUser person, int round) => $"c{person.UserId[^1]}{(char)('a' + round)}@kill.example.es";

    private async Task<BotProcess> StartAsync(string name, Dictionary<string, string> extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = _database.ConnectionString,
            ["Demo:SeedEmptyDatabase"] = "false",
            ["Conversation:TypingIndicatorDelay"] = "01:00:00",
            ["Conversation:TurnsPerUser"] = "0",
            ["Slack:Enabled"] = "true",
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:BotToken"] = FakeSlack.BotToken,
            ["Slack:ApiBaseUrl"] = _slack.ApiBaseUrl.AbsoluteUri,
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
