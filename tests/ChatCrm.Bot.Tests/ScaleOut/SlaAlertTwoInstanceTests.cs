using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Tiers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Cases;
using ChatCrm.Infrastructure.Persistence.Inbox;
using ChatCrm.Infrastructure.Persistence.Outbox;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.ScaleOut;

public sealed class SqliteSlaAlertTwoInstanceTests : SlaAlertTwoInstanceTests
{
    protected override Task<CrmTestDatabase> CreateDatabaseAsync() => Task.FromResult<CrmTestDatabase>(SqliteTestDatabase.MigratedFile());
}

public sealed class PostgresSlaAlertTwoInstanceTests : SlaAlertTwoInstanceTests
{
    protected override async Task<CrmTestDatabase> CreateDatabaseAsync() => await (await PostgresTestDatabase.CreateAsync("sla_two")).MigrateAsync();
}

/// <summary>
/// Two hosts on one database both scan for SLA alerts at the same moment, several times over, and both run inbox
/// workers: the fake Bot Connector still receives each alert once — the breach to the assignee and to her manager.
/// </summary>
public abstract class SlaAlertTwoInstanceTests : IAsyncLifetime
{
    private static readonly TeamsUser Lucia = new("29:lucia-sla-two", "6f4a5b6c-7d8e-4f9a-8b0c-1d2e3f4a5b6c", "Lucía Herrero");
    private static readonly TeamsUser Marta = new("29:marta-sla-two", "7a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d", "Marta Soler");

    private static readonly DateTimeOffset Morning = new(DateTimeOffset.UtcNow.UtcDateTime.Date.AddHours(8), TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Morning);
    private CrmTestDatabase _database = null!;
    private FakeBotConnector _connector = null!;
    private ChatCrmApp _a = null!;
    private ChatCrmApp _b = null!;

    protected abstract Task<CrmTestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        _connector = await FakeBotConnector.StartAsync();
        var settings = new Dictionary<string, string?> { ["Work:PollInterval"] = "00:00:00.100" };
        _a = new ChatCrmApp(_database, settings) { TestServices = services => services.AddSingleton<TimeProvider>(_clock) };
        _b = new ChatCrmApp(_database, settings) { TestServices = services => services.AddSingleton<TimeProvider>(_clock) };
    }

    public async Task DisposeAsync()
    {
        var violations = _connector.Violations;
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _connector.DisposeAsync();
        await _database.DisposeAsync();
        Assert.Empty(violations);
    }

    [Fact]
    public async Task Scan_OnBothInstancesAtOnce_PushesEachAlertOnce()
    {
        var number = await _a.WithDatabaseAsync(async db =>
        {
            var marta = await db.AddUserAsync(Marta, UserRole.Manager, "Soporte");
            var lucia = await db.AddUserAsync(Lucia, UserRole.SupportAgent, "Soporte", marta);
            var customer = await db.AddCustomerAsync("Elena Ortega", "Ortega Asesores", owner: marta);
            var supportCase = SupportCase.Open(customer.Id, "Transfer not received", null, CasePriority.Normal, ValueTier.Gold, lucia.Id, "Soporte", Morning, SlaTable.Default);
            db.SupportCases.Add(supportCase);
            await db.SaveChangesAsync();
            return supportCase.Number;
        });
        var lucia = _a.Chat(_connector, Lucia);
        var marta = _b.Chat(_connector, Marta);
        await lucia.SendAsync("help"); // each personal chat is known from now on, to both instances (one database)
        await marta.SendAsync("help");
        _clock.SetUtcNow(Morning.AddHours(4)); // the first response is overdue

        var raised = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => ScanAsync(i % 2 == 0 ? _a : _b))));
        await WaitUntilAsync(async () => (await ItemsAsync()).All(i => i.Status == InboxStatus.Done), "both instances' workers to finish");
        raised = [.. raised, await ScanAsync(_a), await ScanAsync(_b)]; // a restart's first scan finds it raised too
        await WaitUntilAsync(async () => (await ItemsAsync()).All(i => i.Status == InboxStatus.Done), "nothing left to deliver");
        // A done item has its alert written in the outbox with it; the card leaves right after the commit (ADR 0011).
        await WaitUntilAsync(() => _a.WithDatabaseAsync(db => db.OutboxMessages.AllAsync(m => m.Status != OutboxStatus.Pending)), "the alerts to be sent");

        Assert.Equal(1, raised.Sum());
        Assert.Equal(2, (await ItemsAsync()).Count);
        Assert.Single(Pushed(lucia.ConversationId, number));
        Assert.Single(Pushed(marta.ConversationId, number));
        Assert.Equal(1, await _b.WithDatabaseAsync(db => db.SlaAlerts.CountAsync()));
    }

    private static async Task<int> ScanAsync(ChatCrmApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SlaAlertScan>().RunAsync(CancellationToken.None);
    }

    private Task<List<InboxItem>> ItemsAsync() =>
        _a.WithDatabaseAsync(db => db.InboxItems.AsNoTracking().Where(i => i.Channel == SlaAlertNotice.Channel).ToListAsync());

    private List<CapturedActivity> Pushed(string conversationId, string number) =>
        [.. _connector.Activities.Where(a => a.ConversationId == conversationId && a.Text.Contains(number, StringComparison.Ordinal))];

    /// <summary>
    /// Waits while the shared clock moves on a second at a time, as it would: two hosts writing one SQLite file at once
    /// can make an attempt fail with "database is locked", and its retry (after a backoff on this clock) must come.
    /// A second a step cannot carry the case to its next threshold within the wait.
    /// </summary>
    private async Task WaitUntilAsync(Func<Task<bool>> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Gave up waiting: {what}");
            await Task.Delay(50);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }
    }
}
