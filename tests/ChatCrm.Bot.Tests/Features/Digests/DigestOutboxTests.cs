using ChatCrm.Bot.Features.Digests;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Digests;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Bot.Tests.Features.Digests;

/// <summary>
/// A digest goes through the outbox (ADR 0011): written with the save that audits it, then sent. A connector that
/// fails the first send (503, past the client's own retries) no longer loses the period's digest: the outbox worker
/// sends the stored card later, once. The scheduler is off, so only the test dispatches.
/// </summary>
public sealed class DigestOutboxTests : BotTestBase
{
    private static readonly TeamsUser Carmen = new("29:carmen-digest-outbox", "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a", "Carmen Ruiz");

    /// <summary>The first attempt and the connector client's three retries of a 503.</summary>
    private const int FailedSendsOfTheFirstAttempt = 4;

    private User _carmen = null!;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Work:PollInterval"] = "00:00:00.100",
    };

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        _carmen = await db.AddUserAsync(Carmen, UserRole.Manager, "Dirección Iberia");
        await db.AddUserAsync(CrmData.Ana, UserRole.SalesRep, "Iberia", _carmen);
    }

    [Fact]
    public async Task Dispatch_ConnectorFailsTheFirstSend_DigestIsQueuedAuditedAndDeliveredOnceByTheWorker()
    {
        var chat = App.Chat(Connector, Carmen);
        await chat.SendAsync("help"); // her personal chat with the bot is known from now on
        await SubscribeDueNowAsync();
        for (var send = 0; send < FailedSendsOfTheFirstAttempt; send++)
            Connector.NextStatuses.Enqueue(503);

        Assert.Equal(1, await DispatchAsync());

        var delivery = await App.WithDatabaseAsync(db => db.DigestDeliveries.AsNoTracking().SingleAsync());
        Assert.Equal((true, (string?)null), (delivery.SentAt is not null, delivery.Failure));
        Assert.NotNull(await DigestRowAsync(chat)); // stored with the claim's record, whether or not it has gone yet
        await Eventually.WaitUntilAsync(async () => (await DigestRowAsync(chat))?.Status == OutboxStatus.Delivered, "the digest to be delivered");

        var sends = Connector.Activities.Where(a => a.ConversationId == chat.ConversationId && a.Card is not null
            && a.Text.Contains("Your team's digest", StringComparison.Ordinal)).ToList();
        Assert.Equal(FailedSendsOfTheFirstAttempt + 1, sends.Count); // the fake records refused sends too: four refused, one accepted
        var row = (await DigestRowAsync(chat))!;
        Assert.Equal((2, (string?)null), (row.Attempts, row.Body)); // the dispatcher's attempt, then the worker's; the body forgotten
        Assert.Contains("503", row.LastError, StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.ListedInDigest && a.CustomerId == null)));
    }

    [Fact]
    public async Task Dispatch_RunTwiceInThePeriod_QueuesOneDigest()
    {
        var chat = App.Chat(Connector, Carmen);
        await chat.SendAsync("help");
        await SubscribeDueNowAsync();

        Assert.Equal(1, await DispatchAsync());
        Assert.Equal(0, await DispatchAsync());

        await Eventually.WaitUntilAsync(async () => (await DigestRowAsync(chat))?.Status == OutboxStatus.Delivered, "the digest to be delivered");
        Assert.Single(Connector.Activities, a => a.ConversationId == chat.ConversationId && a.Card is not null
            && a.Text.Contains("Your team's digest", StringComparison.Ordinal));
        Assert.Equal(2, await App.WithDatabaseAsync(db => db.OutboxMessages.CountAsync(m => m.OrderingKey == $"teams:{chat.ConversationId}")));
    }

    /// <summary>The outbox row of the digest: the chat's row written after the reply to "help".</summary>
    private Task<OutboxMessage?> DigestRowAsync(TeamsChat chat) => App.WithDatabaseAsync(db => db.OutboxMessages.AsNoTracking()
        .Where(m => m.OrderingKey == $"teams:{chat.ConversationId}").OrderBy(m => m.CreatedAt).Skip(1).FirstOrDefaultAsync());

    private Task SubscribeDueNowAsync() => DigestDueNow.SubscribeAsync(App, _carmen.Id);

    private async Task<int> DispatchAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DigestDispatcher>().RunAsync(CancellationToken.None);
    }
}
