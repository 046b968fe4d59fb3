using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.Features.Offers;

/// <summary>
/// Events reach the rep in Teams: an order recorded as the import and the API record one pushes a card to the owner's
/// personal chat through the inbox worker, once; history queues nothing; quiet hours defer it; no chat link completes it.
/// The host runs on a fake clock standing two days ago at 10:00 UTC (11:00 or 12:00 in Madrid, the owner's zone).
/// </summary>
public sealed class OfferEventPushTranscriptTests : BotTestBase
{
    private static readonly TeamsUser Lucia = new("29:lucia-push-id", "7d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60", "Lucía Herrero");

    private static readonly DateTimeOffset Daytime = new(DateTimeOffset.UtcNow.UtcDateTime.Date.AddDays(-2).AddHours(10), TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Daytime);

    private User _lucia = null!;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Work:PollInterval"] = "00:00:00.100" };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        _lucia = await db.AddRepAsync(Lucia, locale: "es-ES");
        await OfferEventScenario.ArrangeAsync(db, _lucia);
    }

    [Fact]
    public async Task RecordOrder_LargeDepositForSpanishOwner_PushesOneSpanishCardToTheirTeamsChat()
    {
        var chat = App.Chat(Connector, Lucia, locale: "es-ES");
        await chat.SendAsync("ayuda"); // her personal chat with the bot is known from now on

        await OfferEventScenario.RecordAsync(App.Services, OfferEventScenario.Deposit(_clock.GetUtcNow().AddHours(-1)));
        await Eventually.WaitUntilAsync(() => Task.FromResult(Pushed(chat.ConversationId).Count > 0), "the pushed card");
        await Eventually.WaitUntilAsync(async () => (await OfferEventScenario.PushesAsync(App)).Single().Status != InboxStatus.Pending, "the item to complete");
        // The same order again (the same file imported twice) is no new event.
        await OfferEventScenario.RecordAsync(App.Services, OfferEventScenario.Deposit(_clock.GetUtcNow().AddHours(-1)));
        await Task.Delay(1000);

        var card = Assert.Single(Pushed(chat.ConversationId));
        Assert.Contains($"Depósito grande: 25.000,00 EUR el {Daytime.Day} ", card.Text, StringComparison.Ordinal);
        Assert.Contains("Elena Ortega", card.Text, StringComparison.Ordinal);
        Assert.Contains(OfferEventScenario.FundName, card.Text, StringComparison.Ordinal);
        Assert.Contains("categoría nueva para este cliente: Investments", card.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(OfferEventScenario.CardName, card.Text, StringComparison.Ordinal);
        Assert.Contains(card.Buttons, b => (string?)b["title"] == "Ofertas");
        var item = Assert.Single(await OfferEventScenario.PushesAsync(App));
        Assert.Equal((InboxStatus.Done, 1, null), (item.Status, item.Attempts, item.LastError));
        var audited = await App.WithDatabaseAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.PushedOfferEvent).ToListAsync());
        Assert.Equal(_lucia.Id, Assert.Single(audited).Actor);
    }

    [Fact]
    public async Task RecordOrder_HistoricalImport_PushesNothing()
    {
        var chat = App.Chat(Connector, Lucia, locale: "es-ES");
        await chat.SendAsync("ayuda");

        await OfferEventScenario.RecordAsync(App.Services, OfferEventScenario.Deposit(_clock.GetUtcNow().AddDays(-300)), historical: true);
        await Task.Delay(1000);

        Assert.Empty(Pushed(chat.ConversationId));
        Assert.Empty(await OfferEventScenario.PushesAsync(App));
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.Orders.CountAsync()));
    }

    [Fact]
    public async Task RecordOrder_DuringQuietHours_IsDeferredUntilTheyEndThenDelivered()
    {
        var chat = App.Chat(Connector, Lucia, locale: "es-ES");
        await chat.SendAsync("ayuda");
        _clock.SetUtcNow(Daytime.AddHours(11.5)); // 21:30 UTC: 22:30 or 23:30 in Madrid
        var madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");
        var morning = Daytime.Date.AddDays(1).AddHours(8); // 08:00 the next day in Madrid
        var end = new DateTimeOffset(morning, madrid.GetUtcOffset(morning)).ToUniversalTime();

        await OfferEventScenario.RecordAsync(App.Services, OfferEventScenario.Deposit(_clock.GetUtcNow().AddMinutes(-5)));
        await Eventually.WaitUntilAsync(async () => (await OfferEventScenario.PushesAsync(App)).Any(i => i.LeaseUntil == end), "the deferral");
        await Task.Delay(500);

        Assert.Empty(Pushed(chat.ConversationId));
        var deferred = Assert.Single(await OfferEventScenario.PushesAsync(App));
        Assert.Equal((InboxStatus.Pending, 0, null), (deferred.Status, deferred.Attempts, deferred.LeaseOwner));

        _clock.SetUtcNow(end.AddMinutes(1));
        await Eventually.WaitUntilAsync(() => Task.FromResult(Pushed(chat.ConversationId).Count > 0), "the card after the quiet hours");
        await Eventually.WaitUntilAsync(async () => (await OfferEventScenario.PushesAsync(App)).Single().Status != InboxStatus.Pending, "the item to complete");
        await Task.Delay(500);

        Assert.Single(Pushed(chat.ConversationId));
        var done = Assert.Single(await OfferEventScenario.PushesAsync(App));
        Assert.Equal((InboxStatus.Done, 1, null), (done.Status, done.Attempts, done.LastError));
    }

    [Fact]
    public async Task RecordOrder_OwnerWithoutChatLink_CompletesWithTheReasonAndSendsNothing()
    {
        await App.WithDatabaseAsync(async db =>
        {
            var unlinked = new User(UserId.New(), "Nuria Sanz", UserRole.SalesRep, "Iberia", "Europe/Madrid", "es-ES");
            db.Users.Add(unlinked);
            var customer = await db.Customers.SingleAsync();
            customer.AssignOwner(unlinked.Id);
            await db.SaveChangesAsync();
        });
        var before = Connector.Activities.Count;

        await OfferEventScenario.RecordAsync(App.Services, OfferEventScenario.Deposit(_clock.GetUtcNow().AddHours(-1)));
        await Eventually.WaitUntilAsync(async () => (await OfferEventScenario.PushesAsync(App)).Any(i => i.Status == InboxStatus.Done), "the item to complete");

        var item = Assert.Single(await OfferEventScenario.PushesAsync(App));
        Assert.Equal("NoChatLink", item.LastError);
        Assert.Equal(before, Connector.Activities.Count);
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.PushedOfferEvent)));
    }

    private List<CapturedActivity> Pushed(string conversationId) =>
        [.. Connector.Activities.Where(a => a.ConversationId == conversationId && a.Text.Contains("Depósito grande", StringComparison.Ordinal))];
}
