using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Tiers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Cases;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Inbox;
using ChatCrm.Infrastructure.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.Features.Cases;

/// <summary>
/// SLA alerts reach people in Teams: the assignee (Lucía, Spanish) gets the 75 % warning and the breach, her manager
/// (Marta, English) the breach; quiet hours hold a Normal case's alert until the morning and let an Urgent one through.
/// The host runs on a fake clock from today 08:00 UTC (09:00 in Madrid, everyone's zone) and the default calendar (round
/// the clock); the scan runs as the scheduler would run it, and the inbox worker delivers.
/// </summary>
public sealed class SlaAlertTranscriptTests : BotTestBase
{
    private static readonly TeamsUser Lucia = new("29:lucia-sla", "3c1d2e3f-4a5b-4c6d-8e7f-8a9b0c1d2e3f", "Lucía Herrero");
    private static readonly TeamsUser Marta = new("29:marta-sla", "4d2e3f4a-5b6c-4d7e-9f8a-9b0c1d2e3f4a", "Marta Soler");
    private static readonly TeamsUser Rafa = new("29:rafa-sla", "5e3f4a5b-6c7d-4e8f-8a9b-0c1d2e3f4a5b", "Rafael Gil");

    private static readonly DateTimeOffset Morning = new(DateTimeOffset.UtcNow.UtcDateTime.Date.AddHours(8), TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Morning);

    private User _lucia = null!;
    private Domain.Customers.Customer _customer = null!;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Work:PollInterval"] = "00:00:00.100",
    };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var marta = await db.AddUserAsync(Marta, UserRole.Manager, "Soporte");
        _lucia = await db.AddUserAsync(Lucia, UserRole.SupportAgent, "Soporte", marta, locale: "es-ES");
        var rafa = await db.AddUserAsync(Rafa, UserRole.SalesRep, "Ventas", marta);
        _customer = await db.AddCustomerAsync("Elena Ortega", "Ortega Asesores", owner: rafa);
    }

    [Fact]
    public async Task Scan_WarningThenBreach_AssigneeGetsBothAndTheManagerTheBreachOnce()
    {
        var lucia = await ChatAsync(Lucia, "ayuda", "es-ES");
        var marta = await ChatAsync(Marta, "help");
        var number = await OpenCaseAsync(CasePriority.Normal, Morning); // Gold × Normal: 4 hours to the first response

        _clock.SetUtcNow(Morning.AddHours(3));
        await ScanAsync();
        await WaitUntilAsync(() => Pushed(lucia).Count == 1, "the warning");
        // Done before the clock jumps an hour: a lease outlived by the jump would let another worker loop take it again.
        await WaitUntilAsync(async () => (await AlertItemsAsync()).All(i => i.Status == InboxStatus.Done), "the warning's item to complete");
        // And its card marked sent: a card still pending when the breach is written holds the breach back for the outbox
        // worker (one chat, one order), whose retries wait on this frozen clock.
        await WaitUntilAsync(() => App.WithDatabaseAsync(db => db.OutboxMessages.AllAsync(m => m.Status != OutboxStatus.Pending)), "the warning's card to be marked sent");
        _clock.SetUtcNow(Morning.AddHours(4));
        await ScanAsync();
        await ScanAsync(); // again: nothing more
        await WaitUntilAsync(() => Pushed(lucia).Count == 2 && Pushed(marta).Count == 1,
            () => $"the breach alerts (Lucía has {Pushed(lucia).Count} of 2, Marta {Pushed(marta).Count} of 1)");
        await WaitUntilAsync(async () => (await AlertItemsAsync()).All(i => i.Status == InboxStatus.Done), "every item to complete");

        var warning = Pushed(lucia)[0];
        Assert.Contains($"Aviso de SLA: caso {number}", warning.Text, StringComparison.Ordinal);
        Assert.Contains("75 % del plazo de primera respuesta", warning.Text, StringComparison.Ordinal);
        Assert.Contains("Elena Ortega", warning.Text, StringComparison.Ordinal);
        Assert.Contains($"SLA incumplido: caso {number}", Pushed(lucia)[1].Text, StringComparison.Ordinal);
        var breach = Assert.Single(Pushed(marta));
        Assert.Contains($"SLA breached: case {number}", breach.Text, StringComparison.Ordinal);
        Assert.Contains("Lucía Herrero", breach.Text, StringComparison.Ordinal);
        Assert.Contains(breach.Buttons, b => (string?)b["title"] == $"Open {number}");
        Assert.Equal(3, (await AlertItemsAsync()).Count);
        var audited = await App.WithDatabaseAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.PushedSlaAlert).ToListAsync());
        Assert.Equal(3, audited.Count);
        Assert.All(audited, a => Assert.Equal(_customer.Id, a.CustomerId));
    }

    [Fact]
    public async Task Scan_InQuietHours_DefersANormalCasesAlertUntilMorningButNotAnUrgentOnes()
    {
        var lucia = await ChatAsync(Lucia, "ayuda", "es-ES");
        var evening = Morning.AddHours(13); // 21:00 UTC: 22:00 in Madrid in winter, 23:00 in summer
        var normal = await OpenCaseAsync(CasePriority.Normal, evening.AddHours(-3)); // 3 of 4 hours: the warning
        var urgent = await OpenCaseAsync(CasePriority.Urgent, evening.AddMinutes(-45)); // Gold × Urgent: 45 of 60 minutes
        _clock.SetUtcNow(evening);
        var madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");
        var eight = DateTime.SpecifyKind(Morning.UtcDateTime.Date.AddDays(1).AddHours(8), DateTimeKind.Unspecified); // 08:00 tomorrow in Madrid
        var end = new DateTimeOffset(eight, madrid.GetUtcOffset(eight)).ToUniversalTime();

        await ScanAsync();
        await WaitUntilAsync(() => Pushed(lucia).Count == 1, "the urgent case's warning");
        await WaitUntilAsync(async () => (await AlertItemsAsync()).Any(i => i.Status == InboxStatus.Pending && i.LeaseUntil == end), "the deferral");

        await WaitUntilAsync(async () => (await AlertItemsAsync()).Count(i => i.Status == InboxStatus.Done) == 1, "the urgent case's item to complete");

        Assert.Contains(urgent, Assert.Single(Pushed(lucia)).Text, StringComparison.Ordinal);
        var deferred = Assert.Single(await AlertItemsAsync(), i => i.Status == InboxStatus.Pending);
        Assert.Equal(0, deferred.Attempts);

        _clock.SetUtcNow(end.AddMinutes(1));
        await WaitUntilAsync(() => Pushed(lucia).Count == 2, "the normal case's warning in the morning");
        await WaitUntilAsync(async () => (await AlertItemsAsync()).All(i => i.Status == InboxStatus.Done), "every item to complete");
        Assert.Contains(normal, Pushed(lucia)[1].Text, StringComparison.Ordinal);
    }

    private async Task<TeamsChat> ChatAsync(TeamsUser user, string hello, string locale = "en-US")
    {
        var chat = App.Chat(Connector, user, locale: locale);
        await chat.SendAsync(hello); // the personal chat with the bot is known from now on
        return chat;
    }

    private Task<string> OpenCaseAsync(CasePriority priority, DateTimeOffset at) => App.WithDatabaseAsync(async db =>
    {
        var supportCase = SupportCase.Open(_customer.Id, "Transfer not received", null, priority, ValueTier.Gold, _lucia.Id, "Soporte", at, SlaTable.Default);
        db.SupportCases.Add(supportCase);
        await db.SaveChangesAsync();
        return supportCase.Number;
    });

    private async Task ScanAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SlaAlertScan>().RunAsync(CancellationToken.None);
    }

    private Task<List<InboxItem>> AlertItemsAsync() =>
        App.WithDatabaseAsync(db => db.InboxItems.AsNoTracking().Where(i => i.Channel == SlaAlertNotice.Channel).ToListAsync());

    private static readonly string[] AlertTitles = ["Aviso de SLA:", "SLA incumplido:", "SLA warning:", "SLA breached:"];

    private List<CapturedActivity> Pushed(TeamsChat chat) =>
        [.. Connector.Activities.Where(a => a.ConversationId == chat.ConversationId && AlertTitles.Any(t => a.Text.Contains(t, StringComparison.Ordinal)))];

    private static Task WaitUntilAsync(Func<bool> done, string what) => WaitUntilAsync(() => Task.FromResult(done()), () => what);

    private static Task WaitUntilAsync(Func<bool> done, Func<string> what) => WaitUntilAsync(() => Task.FromResult(done()), what);

    private static Task WaitUntilAsync(Func<Task<bool>> done, string what) => WaitUntilAsync(done, () => what);

    private static async Task WaitUntilAsync(Func<Task<bool>> done, Func<string> what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Gave up waiting: {what()}");
            await Task.Delay(50);
        }
    }
}
