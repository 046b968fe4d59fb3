using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Outbox;
using ChatCrm.Infrastructure.Tests.Persistence;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Infrastructure.Tests.Outbox;

/// <summary>
/// The durable reply outbox on each engine: the writer's hold, the heartbeat that extends it, a stopped holder's messages
/// taken over once the lease runs out, one conversation's messages claimed strictly in order, and failures that end.
/// Each test starts with every other test's pending message settled, so the claims see only its own.
/// </summary>
public abstract class OutboxStoreTests(DatabaseFixture db)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task ClaimNextAsync_WriterStillHolds_IsTakenOverOnlyAfterItsLeaseRunsOut()
    {
        var clock = await StartAsync();
        var written = await WriteAsync(clock, "writer", NewKey());
        await using var context = db.CreateContext();
        var outbox = new OutboxStore(context, clock);

        var whileHeld = await outbox.ClaimNextAsync("worker", Lease, default);
        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var afterExpiry = await outbox.ClaimNextAsync("worker", Lease, default);

        Assert.Null(whileHeld);
        Assert.NotNull(afterExpiry);
        Assert.Equal((written.Id, "worker", 2), (afterExpiry.Id, afterExpiry.LeaseOwner, afterExpiry.Attempts));
    }

    [Fact]
    public async Task ClaimNextAsync_HolderStillSendingHere_IsNotTakenEvenAfterItsLeaseRunsOut()
    {
        var clock = await StartAsync();
        var written = await WriteAsync(clock, "writer", NewKey());
        await using var context = db.CreateContext();
        var outbox = new OutboxStore(context, clock);
        clock.Advance(Lease + TimeSpan.FromSeconds(1));

        var whileItsWriterSends = await outbox.ClaimNextAsync("worker", Lease, ["writer"], default);
        var onceItsWriterStopped = await outbox.ClaimNextAsync("worker", Lease, ["another-writer"], default);

        Assert.Null(whileItsWriterSends);
        Assert.Equal(written.Id, onceItsWriterStopped?.Id);
    }

    [Fact]
    public async Task RenewAsync_HeartbeatOfTheHolder_KeepsTheClaimPastTheFirstLease()
    {
        var clock = await StartAsync();
        var written = await WriteAsync(clock, "writer", NewKey());
        await using var context = db.CreateContext();
        var outbox = new OutboxStore(context, clock);

        clock.Advance(TimeSpan.FromSeconds(10));
        var renewedByHolder = await outbox.RenewAsync([written.Id], "writer", Lease, default);
        var renewedByStranger = await outbox.RenewAsync([written.Id], "someone-else", Lease, default);
        clock.Advance(TimeSpan.FromSeconds(10)); // past the first lease, within the renewed one
        var whileBeating = await outbox.ClaimNextAsync("worker", Lease, default);
        clock.Advance(Lease);
        var afterBeatsStopped = await outbox.ClaimNextAsync("worker", Lease, default);

        Assert.Equal((1, 0), (renewedByHolder, renewedByStranger));
        Assert.Null(whileBeating);
        Assert.Equal(written.Id, afterBeatsStopped?.Id);
    }

    [Fact]
    public async Task ClaimNextAsync_OneConversation_HandsOutItsMessagesOneAfterAnotherInWrittenOrder()
    {
        var clock = await StartAsync();
        var conversation = NewKey();
        var first = await WriteAsync(clock, "turn-1", conversation, position: 0);
        var second = await WriteAsync(clock, "turn-1", conversation, position: 1, createdAt: first.CreatedAt);
        clock.Advance(TimeSpan.FromSeconds(1));
        var third = await WriteAsync(clock, "turn-2", conversation);
        var elsewhere = await WriteAsync(clock, "turn-3", NewKey());
        await using var context = db.CreateContext();
        var outbox = new OutboxStore(context, clock);
        await outbox.ReleaseAsync([first.Id, second.Id, third.Id, elsewhere.Id], "turn-1", default);
        await outbox.ReleaseAsync([third.Id], "turn-2", default);
        await outbox.ReleaseAsync([elsewhere.Id], "turn-3", default);

        // The head of each conversation may be claimed (workers start at a random one of the oldest few), nothing behind them.
        var claimedFirst = await outbox.ClaimNextAsync("worker", Lease, default);
        var claimedAlongside = await outbox.ClaimNextAsync("worker", Lease, default);
        var whileStillHeld = await outbox.ClaimNextAsync("worker", Lease, default);
        Assert.True(await outbox.MarkDeliveredAsync(first.Id, "worker", default));
        var claimedSecond = await outbox.ClaimNextAsync("worker", Lease, default);
        Assert.True(await outbox.MarkDeliveredAsync(second.Id, "worker", default));
        var claimedThird = await outbox.ClaimNextAsync("worker", Lease, default);

        Assert.Equal(new[] { first.Id, elsewhere.Id }.Order(), new[] { claimedFirst!.Id, claimedAlongside!.Id }.Order()); // another conversation is not held up
        Assert.Null(whileStillHeld);
        Assert.Equal(second.Id, claimedSecond?.Id);
        Assert.Equal(third.Id, claimedThird?.Id);
        await using var read = db.CreateContext();
        var delivered = await read.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == first.Id);
        Assert.Equal((OutboxStatus.Delivered, (string?)null), (delivered.Status, delivered.Body));
    }

    [Fact]
    public async Task HasEarlierPendingAsync_AnEarlierReplyOfTheConversationWaits_IsTrueUntilItIsDelivered()
    {
        var clock = await StartAsync();
        var conversation = NewKey();
        var earlier = await WriteAsync(clock, "turn-1", conversation);
        clock.Advance(TimeSpan.FromSeconds(1));
        var later = await WriteAsync(clock, "turn-2", conversation);
        await using var context = db.CreateContext();
        var outbox = new OutboxStore(context, clock);

        var beforeDelivery = await outbox.HasEarlierPendingAsync(conversation, later.CreatedAt, "turn-2", default);
        await outbox.MarkDeliveredAsync(earlier.Id, "turn-1", default);
        var afterDelivery = await outbox.HasEarlierPendingAsync(conversation, later.CreatedAt, "turn-2", default);

        Assert.Equal((true, false), (beforeDelivery, afterDelivery));
    }

    [Fact]
    public async Task HasEarlierPendingAsync_SameInstant_CountsAnotherWritersRowsButNotTheAskersOwnOrLaterOnes()
    {
        var clock = await StartAsync();
        var conversation = NewKey();
        await WriteAsync(clock, "turn-2", conversation, position: 0);
        await WriteAsync(clock, "turn-2", conversation, position: 1);
        var asked = clock.GetUtcNow();
        await WriteAsync(clock, "turn-3", conversation, createdAt: asked.AddMilliseconds(1));
        await WriteAsync(clock, "turn-4", NewKey(), createdAt: asked);
        await using var context = db.CreateContext();
        var outbox = new OutboxStore(context, clock);

        var onlyItsOwn = await outbox.HasEarlierPendingAsync(conversation, asked, "turn-2", default);
        await WriteAsync(clock, "turn-1", conversation, createdAt: asked);
        var anotherAtTheSameInstant = await outbox.HasEarlierPendingAsync(conversation, asked, "turn-2", default);

        Assert.Equal((false, true), (onlyItsOwn, anotherAtTheSameInstant));
    }

    [Fact]
    public async Task HasEarlierPendingAsync_EarlierRowReleasedByItsWriter_StillCounts()
    {
        var clock = await StartAsync();
        var conversation = NewKey();
        var earlier = await WriteAsync(clock, "turn-1", conversation);
        clock.Advance(TimeSpan.FromSeconds(1));
        var later = await WriteAsync(clock, "turn-2", conversation);
        await using var context = db.CreateContext();
        var outbox = new OutboxStore(context, clock);

        await outbox.ReleaseAsync([earlier.Id], "turn-1", default); // held by nobody now: a worker's to send

        Assert.True(await outbox.HasEarlierPendingAsync(conversation, later.CreatedAt, "turn-2", default));
    }

    [Fact]
    public async Task FailAsync_UpToMaxAttempts_WaitsForItsRetryThenIsGivenUp()
    {
        var clock = await StartAsync();
        var written = await WriteAsync(clock, "writer", NewKey());
        await using var context = db.CreateContext();
        var outbox = new OutboxStore(context, clock);

        var afterFirst = await outbox.FailAsync(written.Id, "writer", "http_503", TimeSpan.FromSeconds(2), maxAttempts: 2, default);
        var beforeRetry = await outbox.ClaimNextAsync("worker", Lease, default);
        clock.Advance(TimeSpan.FromSeconds(3));
        var retry = await outbox.ClaimNextAsync("worker", Lease, default);
        var afterSecond = await outbox.FailAsync(written.Id, "worker", "http_503", TimeSpan.FromSeconds(4), maxAttempts: 2, default);
        clock.Advance(TimeSpan.FromMinutes(10));
        var afterGivingUp = await outbox.ClaimNextAsync("worker", Lease, default);

        Assert.Equal(OutboxStatus.Pending, afterFirst);
        Assert.Null(beforeRetry);
        Assert.Equal(written.Id, retry?.Id);
        Assert.Equal(OutboxStatus.Failed, afterSecond);
        Assert.Null(afterGivingUp);
    }

    [Fact]
    public async Task RefuseAsync_ChannelRefusesForGood_IsFailedWithTheReasonAndNeverClaimed()
    {
        var clock = await StartAsync();
        var written = await WriteAsync(clock, "writer", NewKey());
        await using var context = db.CreateContext();
        var outbox = new OutboxStore(context, clock);

        var byStranger = await outbox.RefuseAsync(written.Id, "someone-else", "slack chat.postMessage: channel_not_found", default);
        var byHolder = await outbox.RefuseAsync(written.Id, "writer", "slack chat.postMessage: channel_not_found", default);
        clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal((false, true), (byStranger, byHolder));
        Assert.Null(await outbox.ClaimNextAsync("worker", Lease, default));
        await using var read = db.CreateContext();
        var stored = await read.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == written.Id);
        Assert.Equal((OutboxStatus.Failed, "slack chat.postMessage: channel_not_found", 1), (stored.Status, stored.LastError, stored.Attempts));
    }

    [Fact]
    public async Task ClaimNextAsync_TwoWorkersRaceForOneMessage_OnlyOneHoldsIt()
    {
        var clock = await StartAsync();
        var written = await WriteAsync(clock, "writer", NewKey());
        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        await using var firstContext = db.CreateContext();
        await using var secondContext = db.CreateContext();
        var seenByFirst = await firstContext.OutboxMessages.SingleAsync(m => m.Id == written.Id);
        var seenBySecond = await secondContext.OutboxMessages.SingleAsync(m => m.Id == written.Id);

        seenByFirst.Claim("worker-1", clock.GetUtcNow(), Lease);
        await firstContext.SaveChangesAsync();
        seenBySecond.Claim("worker-2", clock.GetUtcNow(), Lease);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => secondContext.SaveChangesAsync());
        Assert.False(await new OutboxStore(secondContext, clock).MarkDeliveredAsync(written.Id, "worker-2", default));
    }

    private static string NewKey() => $"slack:T0:{Guid.NewGuid():N}";

    /// <summary>Settles every other test's pending messages and gives this test a clock of its own.</summary>
    private async Task<FakeTimeProvider> StartAsync()
    {
        await using var context = db.CreateContext();
        await context.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Failed));
        return TestClock.Create(DateTimeOffset.UnixEpoch.AddYears(20));
    }

    private async Task<OutboxMessage> WriteAsync(FakeTimeProvider clock, string owner, string conversation, int position = 0, DateTimeOffset? createdAt = null)
    {
        await using var context = db.CreateContext();
        var message = new OutboxMessage("slack", conversation, position, "{\"route\":\"message\"}", "{\"text\":\"hello\"}", owner, createdAt ?? clock.GetUtcNow(), Lease);
        context.OutboxMessages.Add(message);
        await context.SaveChangesAsync();
        return message;
    }
}

public sealed class SqliteOutboxStoreTests(SqliteFixture db) : OutboxStoreTests(db), IClassFixture<SqliteFixture>;

public sealed class PostgresOutboxStoreTests(PostgresFixture db) : OutboxStoreTests(db), IClassFixture<PostgresFixture>;
