using System.Net;
using ChatCrm.Bot.Tests.Features.Offers;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Digests;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Intake;
using ChatCrm.Infrastructure.Offers;
using ChatCrm.Infrastructure.Persistence.Inbox;
using ChatCrm.Infrastructure.Tiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Tests.ScaleOut;

/// <summary>
/// Scale-out without sticky sessions or home-made clustering: two bot processes on one PostgreSQL database share
/// everything that matters through it. A conversation's turns may land on either instance, a Slack delivery may reach
/// both, and both schedulers run — and still nothing is lost and nothing is applied twice.
/// </summary>
public sealed class TwoInstanceTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    private static readonly TeamsUser Rocio = new("29:rocio-scaleout", "5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "Rocío Vidal");
    private static readonly TeamsUser Marta = new("29:marta-scaleout", "6b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e", "Marta Soler");
    private static readonly TeamsUser Irene = new("29:irene-scaleout", "7c3d4e5f-6a7b-4c8d-0e9f-1a2b3c4d5e6f", "Irene Costa");
    private static readonly SlackUser Jorge = new("T0SCALE", "U0JORGE", "jorge");

    [Fact]
    public Task LogDialog_TurnsAlternateBetweenInstances_AdvancesOnceAndStoresOneInteraction() =>
        instances.ExplainFailuresAsync(async () =>
        {
            await using (var db = instances.Db())
            {
                var rocio = await db.AddRepAsync(Rocio);
                await db.AddCustomerAsync("Teresa Blanco", "Blanco Logística", email: "teresa@blanco.es", owner: rocio);
            }
            using var httpA = instances.A.Client();
            using var httpB = instances.B.Client();
            var conversation = $"a:{Guid.NewGuid():N}";
            var onA = new TeamsChat(httpA, instances.Connector, Rocio, conversation);
            var onB = new TeamsChat(httpB, instances.Connector, Rocio, conversation);

            (await onA.SendAsync("log")).ShouldSay("Which customer?");
            (await onB.SendAsync("teresa@blanco.es")).ShouldSay("Teresa Blanco", "What kind of contact");
            (await onA.SendAsync("call")).ShouldSay("What was it about?");
            (await onB.SendAsync("Renewal of the fleet contract")).ShouldSay("How did it end?");
            (await onA.SendAsync("Sends the signed order on Friday")).ShouldSay("follow-up");
            (await onB.SendAsync("no")).ShouldSay("Interaction logged", "Renewal of the fleet contract");

            var replies = instances.Connector.Activities.Where(a => a.ConversationId == conversation && a.Type == "message").Select(a => a.Text).ToList();
            Assert.Equal(6, replies.Count); // one answer per turn, none repeated, none missing
            string[] order = ["Which customer?", "What kind of contact", "What was it about?", "How did it end?", "follow-up", "Interaction logged"];
            for (var turn = 0; turn < order.Length; turn++)
                Assert.Contains(order[turn], replies[turn], StringComparison.Ordinal);
            var stored = await instances.WithDatabaseAsync(db => db.Interactions.Where(i => i.Summary == "Renewal of the fleet contract").ToListAsync());
            var interaction = Assert.Single(stored);
            Assert.Equal("Sends the signed order on Friday", interaction.Outcome);
            Assert.Empty(instances.Connector.Violations);
        });

    [Fact]
    public Task SlackEvent_DeliveredToBothInstancesAndRetried_IsProcessedOnce() =>
        instances.ExplainFailuresAsync(async () =>
        {
            await using (var db = instances.Db())
            {
                var jorge = new User(UserId.New(), Jorge.Name, UserRole.SalesRep, "Iberia", "Europe/Madrid", "en-US");
                jorge.LinkSlack(Jorge.TeamId, Jorge.UserId);
                db.Users.Add(jorge);
                await db.SaveChangesAsync();
            }
            using var httpA = instances.A.Client();
            using var httpB = instances.B.Client();
            var toA = new SlackClient(httpA, instances.Slack, TwoInstances.SigningSecret, Jorge);
            var toB = new SlackClient(httpB, instances.Slack, TwoInstances.SigningSecret, Jorge);
            var eventId = $"Ev{Guid.NewGuid():N}";

            // The same delivery reaches both instances at once; Slack's retry of it reaches A again.
            var first = await Task.WhenAll(toA.DirectMessageAsync("help", eventId), toB.DirectMessageAsync("help", eventId, retryNumber: 1));
            var retry = await toA.DirectMessageAsync("help", eventId, retryNumber: 2);

            Assert.All(first.Append(retry), response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
            int Replies() => instances.Slack.Calls.Count(c => c.Method == "chat.postMessage" && (string?)c.Body["channel"] == "D0" + Jorge.UserId);
            await Eventually.WaitUntilAsync(() => Replies() > 0, "a reply");
            var item = await WaitForInboxItemDoneAsync($"event:{eventId}");
            Assert.Equal(1, item.Attempts);
            Assert.Equal(1, Replies()); // the only item is done: no instance can answer it again
            Assert.Empty(instances.Slack.Violations);
        });

    [Fact]
    public Task Digest_BothSchedulersThroughADuePeriod_IsDeliveredOnce() =>
        instances.ExplainFailuresAsync(async () =>
        {
            UserId martaId;
            await using (var db = instances.Db())
                martaId = (await db.AddUserAsync(Marta, UserRole.Manager, "Dirección Levante")).Id;
            using var httpA = instances.A.Client();
            var conversation = $"a:{Guid.NewGuid():N}";
            // The manager talks to the bot once (through A), so her personal chat's reference is stored for proactive sends.
            (await new TeamsChat(httpA, instances.Connector, Marta, conversation).SendAsync("digest")).ShouldSay();
            var before = CardsIn(conversation);

            await using (var db = instances.Db())
            {
                var marta = await db.Users.SingleAsync(u => u.Id == martaId);
                var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, marta.ResolveTimeZone());
                var dueAt = TimeOnly.FromDateTime(local.DateTime).AddMinutes(-5);
                var request = new DigestRequest(DigestCommandKind.Set, DigestFrequency.Daily, null, dueAt, DigestChannel.Teams);
                db.DigestSubscriptions.Add(DigestSubscription.Choose(marta, request, DateTimeOffset.UtcNow.AddDays(-2)));
                await db.SaveChangesAsync();
            }

            // Both schedulers check every second; wait for the digest, then through several more checks.
            await Eventually.WaitUntilAsync(() => CardsIn(conversation) > before, "the digest");
            await Task.Delay(TimeSpan.FromSeconds(4));
            var delivery = await instances.WithDatabaseAsync(db => db.DigestDeliveries.SingleAsync(d => d.ManagerId == martaId));

            Assert.NotNull(delivery.SentAt); // one claim for the period, and it was sent
            var sends = await instances.WithDatabaseAsync(db =>
                db.AuditEntries.CountAsync(a => a.Actor == martaId && a.Action == AuditAction.ListedInDigest && a.CustomerId == null));
            Assert.Equal(1, sends);
            // The connector saw it exactly once: a POST whose attempt timed out is not sent again (see docs/scaling.md).
            Assert.Equal(before + 1, CardsIn(conversation));
            var delivered = instances.Connector.Activities.Where(a => a.ConversationId == conversation && a.Card is not null).Last();
            Assert.Contains("Your team's digest", delivered.Text, StringComparison.Ordinal);
            Assert.Null(delivery.Failure);
            Assert.Equal(DigestChannel.Teams, delivery.Channel);
            var schedulers = await instances.WithDatabaseAsync(db =>
                db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM qrtz_scheduler_state WHERE sched_name = 'ChatCrm'").SingleAsync());
            Assert.Equal(2, schedulers); // both instances are in the cluster: the single delivery is not one scheduler idling
        });

    [Fact]
    public Task OfferEvent_OneDepositWithBothWorkersRunning_ReachesTheOwnerOnce() =>
        instances.ExplainFailuresAsync(async () =>
        {
            await using (var db = instances.Db())
                await OfferEventScenario.ArrangeAsync(db, await db.AddRepAsync(Irene));
            using var httpB = instances.B.Client();
            var conversation = $"a:{Guid.NewGuid():N}";
            (await new TeamsChat(httpB, instances.Connector, Irene, conversation).SendAsync("help")).ShouldSay();
            var before = CardsIn(conversation);

            // Recorded by a third process, as the import CLI would: both instances' workers race for the push.
            await using (var db = instances.Db())
            {
                var recorder = new OrderRecorder(db, Options.Create(new TierOptions()), TimeProvider.System);
                Assert.Empty((await recorder.StageAsync(OfferEventScenario.Deposit(DateTimeOffset.UtcNow.AddMinutes(-1)), historical: false, CancellationToken.None)).Errors);
                await db.SaveChangesAsync();
            }
            await Eventually.WaitUntilAsync(() => CardsIn(conversation) > before, "the pushed card");
            await Task.Delay(TimeSpan.FromSeconds(2)); // several polls of both workers

            Assert.Equal(before + 1, CardsIn(conversation));
            var card = instances.Connector.Activities.Last(a => a.ConversationId == conversation && a.Card is not null);
            Assert.Contains("Large deposit: 25,000.00 EUR on", card.Text, StringComparison.Ordinal);
            var item = await instances.WithDatabaseAsync(db => db.InboxItems.AsNoTracking().SingleAsync(i => i.Channel == OfferEventOutbox.Channel));
            Assert.Equal((InboxStatus.Done, 1), (item.Status, item.Attempts));
            Assert.Empty(instances.Connector.Violations);
        });

    private int CardsIn(string conversation) =>
        instances.Connector.Activities.Count(a => a.ConversationId == conversation && a.Card is not null);

    private async Task<InboxItem> WaitForInboxItemDoneAsync(string dedupKey)
    {
        InboxItem? item = null;
        await Eventually.WaitUntilAsync(async () =>
        {
            item = await instances.WithDatabaseAsync(db => db.InboxItems.AsNoTracking().SingleOrDefaultAsync(i => i.DedupKey == dedupKey));
            return item?.Status == InboxStatus.Done;
        }, $"the inbox item {dedupKey} to be done");
        return item!;
    }
}
