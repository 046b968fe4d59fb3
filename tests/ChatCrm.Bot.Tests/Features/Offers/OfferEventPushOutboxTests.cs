using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Inbox;
using ChatCrm.Infrastructure.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Offers;

/// <summary>
/// A pushed offer event goes through the outbox (ADR 0011): the card is written with the save that audits it and
/// completes the inbox item, so once the item is done the card is stored for the owner's personal chat; a connector
/// that fails the first send (503, past the client's own retries) does not make the inbox run the push again — the
/// outbox worker sends the stored card later, and the connector accepts it once. Real clock, no quiet hours.
/// </summary>
public sealed class OfferEventPushOutboxTests : BotTestBase
{
    private static readonly TeamsUser Lucia = new("29:lucia-outbox-push", "8e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6a7b", "Lucía Herrero");

    /// <summary>The first attempt and the connector client's three retries of a 503.</summary>
    private const int FailedSendsOfTheFirstAttempt = 4;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Work:PollInterval"] = "00:00:00.100",
        ["Outreach:QuietHoursStart"] = "00:00:00",
        ["Outreach:QuietHoursEnd"] = "00:00:00",
    };

    protected override async Task ArrangeAsync(CrmDbContext db) =>
        await OfferEventScenario.ArrangeAsync(db, await db.AddRepAsync(Lucia, locale: "es-ES"));

    [Fact]
    public async Task RecordOrder_ConnectorFailsTheFirstSend_CardIsInTheOutboxWithTheItemAndDeliveredOnceByTheWorker()
    {
        var chat = App.Chat(Connector, Lucia, locale: "es-ES");
        await chat.SendAsync("ayuda"); // her personal chat with the bot is known from now on
        for (var send = 0; send < FailedSendsOfTheFirstAttempt; send++)
            Connector.NextStatuses.Enqueue(503);

        await OfferEventScenario.RecordAsync(App.Services, OfferEventScenario.Deposit(DateTimeOffset.UtcNow.AddHours(-1)));
        await Eventually.WaitUntilAsync(async () => (await OfferEventScenario.PushesAsync(App)).Any(i => i.Status == InboxStatus.Done), "the item to complete");
        // Committed with the item: the card is stored the moment the item is done, whether or not it has gone yet.
        var stored = await PushRowAsync(chat);
        Assert.NotNull(stored);
        await Eventually.WaitUntilAsync(async () => (await PushRowAsync(chat))?.Status == OutboxStatus.Delivered, "the card to be delivered");

        var sends = Pushed(chat);
        Assert.Equal(FailedSendsOfTheFirstAttempt + 1, sends.Count); // the fake records refused sends too: four refused, one accepted
        Assert.All(sends, s => Assert.Null(s.ReplyToId)); // posted into the chat, answering nothing
        var delivered = (await PushRowAsync(chat))!;
        Assert.Equal((2, (string?)null), (delivered.Attempts, delivered.Body)); // the handler's attempt, then the worker's; the body forgotten
        Assert.Contains("503", delivered.LastError, StringComparison.Ordinal);
        var item = Assert.Single(await OfferEventScenario.PushesAsync(App));
        Assert.Equal((InboxStatus.Done, 1, (string?)null), (item.Status, item.Attempts, item.LastError)); // the inbox never ran it again
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.PushedOfferEvent)));
    }

    [Fact]
    public async Task RecordOrder_ConnectorAccepts_CardIsSentOnceAndStoredDeliveredInTheChatsOrder()
    {
        var chat = App.Chat(Connector, Lucia, locale: "es-ES");
        await chat.SendAsync("ayuda");

        await OfferEventScenario.RecordAsync(App.Services, OfferEventScenario.Deposit(DateTimeOffset.UtcNow.AddHours(-1)));
        await Eventually.WaitUntilAsync(async () => (await PushRowAsync(chat))?.Status == OutboxStatus.Delivered, "the card to be delivered");

        Assert.Single(Pushed(chat));
        var rows = await App.WithDatabaseAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
        // The reply to "ayuda" and the card share the chat's ordering key: one chat, one order.
        Assert.Equal(2, rows.Count(r => r.OrderingKey == $"teams:{chat.ConversationId}"));
        Assert.All(rows, r => Assert.Equal(1, r.Attempts));
    }

    /// <summary>The outbox row of the pushed card: the chat's row written after the reply to "ayuda".</summary>
    private Task<OutboxMessage?> PushRowAsync(TeamsChat chat) => App.WithDatabaseAsync(db => db.OutboxMessages.AsNoTracking()
        .Where(m => m.OrderingKey == $"teams:{chat.ConversationId}").OrderBy(m => m.CreatedAt).Skip(1).FirstOrDefaultAsync());

    private List<CapturedActivity> Pushed(TeamsChat chat) =>
        [.. Connector.Activities.Where(a => a.ConversationId == chat.ConversationId && a.Text.Contains("Depósito grande", StringComparison.Ordinal))];
}
