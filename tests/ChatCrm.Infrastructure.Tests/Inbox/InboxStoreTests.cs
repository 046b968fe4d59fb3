using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Inbox;
using ChatCrm.Infrastructure.Tests.Persistence;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Tests.Inbox;

/// <summary>The durable inbox: a delivery is kept once, one worker at a time holds an item, and an expired lease frees it.</summary>
public abstract class InboxStoreTests(DatabaseFixture db)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task AcceptAsync_SameDedupKeyTwice_StoresOnceAndReportsTheDuplicate()
    {
        var key = NewKey();
        var clock = TestClock.Create();
        await using var first = db.CreateContext();
        await using var second = db.CreateContext();

        var accepted = await new InboxStore(first, clock).AcceptAsync("slack", "event", key, "{}", default);
        var again = await new InboxStore(second, clock).AcceptAsync("slack", "event", key, "{\"retry\":1}", default);

        Assert.Equal(InboxAcceptance.Accepted, accepted);
        Assert.Equal(InboxAcceptance.Duplicate, again);
        await using var read = db.CreateContext();
        var stored = await read.InboxItems.SingleAsync(i => i.DedupKey == key);
        Assert.Equal("{}", stored.Payload);
    }

    [Fact]
    public async Task AcceptAsync_SameKeyOnAnotherChannel_IsSeparateWork()
    {
        var key = NewKey();
        await using var context = db.CreateContext();
        var inbox = new InboxStore(context, TestClock.Create());

        Assert.Equal(InboxAcceptance.Accepted, await inbox.AcceptAsync("slack", "event", key, "{}", default));
        Assert.Equal(InboxAcceptance.Accepted, await inbox.AcceptAsync("teams", "event", key, "{}", default));
    }

    [Fact]
    public async Task ClaimNextAsync_TwoWorkersRaceForOneItem_OnlyOneHoldsIt()
    {
        var key = NewKey();
        var clock = TestClock.Create(DateTimeOffset.UnixEpoch.AddYears(10));
        await using (var setup = db.CreateContext())
            await new InboxStore(setup, clock).AcceptAsync("race", "event", key, "{}", default);

        await using var firstContext = db.CreateContext();
        await using var secondContext = db.CreateContext();
        // Both read the item as claimable before either saves its lease.
        var seenByFirst = await firstContext.InboxItems.SingleAsync(i => i.DedupKey == key);
        var seenBySecond = await secondContext.InboxItems.SingleAsync(i => i.DedupKey == key);
        seenByFirst.Claim("worker-1", clock.GetUtcNow(), Lease);
        await firstContext.SaveChangesAsync();
        seenBySecond.Claim("worker-2", clock.GetUtcNow(), Lease);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => secondContext.SaveChangesAsync());
        await using var read = db.CreateContext();
        Assert.Equal("worker-1", (await read.InboxItems.SingleAsync(i => i.DedupKey == key)).LeaseOwner);
    }

    [Fact]
    public async Task ClaimNextAsync_HeldItem_IsNotClaimedAgainUntilTheLeaseExpires()
    {
        var key = NewKey();
        // A clock far in the past of every other test's items, so only this test's item is claimable at first.
        var clock = TestClock.Create(DateTimeOffset.UnixEpoch);
        await using var context = db.CreateContext();
        var inbox = new InboxStore(context, clock);
        await inbox.AcceptAsync("lease", "event", key, "{}", default);
        await MakeOnlyThisClaimableAsync(key);

        var claimed = await inbox.ClaimNextAsync("worker-1", Lease, default);
        var whileHeld = await inbox.ClaimNextAsync("worker-2", Lease, default);
        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var afterExpiry = await inbox.ClaimNextAsync("worker-2", Lease, default);

        Assert.Equal(key, claimed?.DedupKey);
        Assert.Null(whileHeld);
        Assert.Equal(key, afterExpiry?.DedupKey);
        Assert.Equal(2, afterExpiry!.Attempts);
        await using var other = db.CreateContext();
        Assert.False(await new InboxStore(other, clock).CompleteAsync(afterExpiry.Id, "worker-1", default));
    }

    [Fact]
    public async Task ClaimNextAsync_ClockMovesWhileItLooks_TheLeaseRunsFromTheClaim()
    {
        var key = NewKey();
        var start = DateTimeOffset.UnixEpoch;
        await using var context = db.CreateContext();
        await new InboxStore(context, TestClock.Create(start)).AcceptAsync("lease", "event", key, "{}", default);
        await MakeOnlyThisClaimableAsync(key);
        // The look reads the clock first; by the claim an hour has passed (a slow query on a busy server, say).
        var clock = new ClockMovingAfterFirstRead(start, TimeSpan.FromHours(1));

        var claimed = await new InboxStore(context, clock).ClaimNextAsync("worker-1", Lease, default);
        await using var other = db.CreateContext();
        var whileHeld = await new InboxStore(other, TestClock.Create(start.AddHours(1))).ClaimNextAsync("worker-2", Lease, default);

        Assert.Equal(key, claimed?.DedupKey);
        Assert.Equal(start.AddHours(1) + Lease, claimed!.LeaseUntil);
        Assert.Null(whileHeld);
    }

    /// <summary>A clock that reads <c>start</c> once and <c>start + jump</c> from then on.</summary>
    private sealed class ClockMovingAfterFirstRead(DateTimeOffset start, TimeSpan jump) : TimeProvider
    {
        private int _reads;

        public override DateTimeOffset GetUtcNow() => Interlocked.Increment(ref _reads) == 1 ? start : start + jump;
    }

    [Fact]
    public async Task CompleteAsync_ByTheHolder_ClearsThePayloadAndKeepsTheKey()
    {
        var key = NewKey();
        var clock = TestClock.Create(DateTimeOffset.UnixEpoch);
        await using var context = db.CreateContext();
        var inbox = new InboxStore(context, clock);
        await inbox.AcceptAsync("done", "event", key, "{\"text\":\"secret\"}", default);
        await MakeOnlyThisClaimableAsync(key);
        var claimed = await inbox.ClaimNextAsync("worker-1", Lease, default);

        await using (var worker = db.CreateContext())
            Assert.True(await new InboxStore(worker, clock).CompleteAsync(claimed!.Id, "worker-1", default));

        await using var read = db.CreateContext();
        var stored = await read.InboxItems.SingleAsync(i => i.DedupKey == key);
        Assert.Equal(InboxStatus.Done, stored.Status);
        Assert.Null(stored.Payload);
        Assert.Equal(InboxAcceptance.Duplicate, await new InboxStore(read, clock).AcceptAsync("done", "event", key, "{}", default));
    }

    [Fact]
    public async Task FailAsync_AfterTheLastAttempt_GivesTheItemUp()
    {
        var key = NewKey();
        var clock = TestClock.Create(DateTimeOffset.UnixEpoch);
        await using var context = db.CreateContext();
        var inbox = new InboxStore(context, clock);
        await inbox.AcceptAsync("fail", "event", key, "{}", default);
        await MakeOnlyThisClaimableAsync(key);

        var first = await inbox.ClaimNextAsync("w", Lease, default);
        await using var failContext = db.CreateContext();
        var afterFirst = await new InboxStore(failContext, clock).FailAsync(first!.Id, "w", "HttpRequestException", TimeSpan.Zero, maxAttempts: 2, default);
        await using var retryContext = db.CreateContext();
        var retry = new InboxStore(retryContext, clock);
        var second = await retry.ClaimNextAsync("w", Lease, default);
        await using var lastContext = db.CreateContext();
        var afterSecond = await new InboxStore(lastContext, clock).FailAsync(second!.Id, "w", "HttpRequestException", TimeSpan.Zero, maxAttempts: 2, default);

        Assert.Equal(InboxStatus.Pending, afterFirst);
        Assert.Equal(InboxStatus.Failed, afterSecond);
        await using var read = db.CreateContext();
        Assert.Null(await new InboxStore(read, clock).ClaimNextAsync("w", Lease, default));
    }

    [Fact]
    public async Task ClaimNextAsync_SameConversation_NextTurnWaitsUntilTheEarlierIsDone()
    {
        var (first, second, other) = (NewKey(), NewKey(), NewKey());
        var conversation = $"T1:{NewKey()}";
        var clock = TestClock.Create(DateTimeOffset.UnixEpoch);
        await using var context = db.CreateContext();
        var inbox = new InboxStore(context, clock);
        await inbox.AcceptAsync("order", "event", first, "{}", default, conversation);
        clock.Advance(TimeSpan.FromSeconds(1));
        await inbox.AcceptAsync("order", "event", second, "{}", default, conversation);
        clock.Advance(TimeSpan.FromSeconds(1));
        await inbox.AcceptAsync("order", "event", other, "{}", default, $"T1:{NewKey()}");
        await MakeOnlyTheseClaimableAsync(first, second, other);

        // Workers start at a random one of the oldest claimable items, so the two claimable ones come in either order.
        var claimedOne = await inbox.ClaimNextAsync("worker-1", Lease, default);
        var claimedTwo = await inbox.ClaimNextAsync("worker-1", Lease, default);
        var nothingElse = await inbox.ClaimNextAsync("worker-2", Lease, default);
        var claimedFirst = new[] { claimedOne, claimedTwo }.Single(i => i?.DedupKey == first);
        await using (var done = db.CreateContext())
            Assert.True(await new InboxStore(done, clock).CompleteAsync(claimedFirst!.Id, "worker-1", default));
        await using var after = db.CreateContext();
        var claimedSecond = await new InboxStore(after, clock).ClaimNextAsync("worker-2", Lease, default);

        Assert.Equal(new string?[] { first, other }.Order(), new[] { claimedOne?.DedupKey, claimedTwo?.DedupKey }.Order());
        Assert.Null(nothingElse);
        Assert.Equal(second, claimedSecond?.DedupKey);
    }

    [Fact]
    public async Task ClaimNextAsync_EarlierTurnWaitingForItsRetry_HoldsBackOnlyItsConversation()
    {
        var (failing, next) = (NewKey(), NewKey());
        var conversation = $"T1:{NewKey()}";
        var clock = TestClock.Create(DateTimeOffset.UnixEpoch);
        await using var context = db.CreateContext();
        var inbox = new InboxStore(context, clock);
        await inbox.AcceptAsync("retry", "event", failing, "{}", default, conversation);
        clock.Advance(TimeSpan.FromSeconds(1));
        await inbox.AcceptAsync("retry", "event", next, "{}", default, conversation);
        await MakeOnlyTheseClaimableAsync(failing, next);
        var claimed = await inbox.ClaimNextAsync("w", Lease, default);
        await using (var fail = db.CreateContext())
            await new InboxStore(fail, clock).FailAsync(claimed!.Id, "w", "HttpRequestException", TimeSpan.FromMinutes(1), maxAttempts: 5, default);

        await using var whileWaiting = db.CreateContext();
        var duringBackoff = await new InboxStore(whileWaiting, clock).ClaimNextAsync("w", Lease, default);
        clock.Advance(TimeSpan.FromMinutes(2));
        await using var later = db.CreateContext();
        var afterBackoff = await new InboxStore(later, clock).ClaimNextAsync("w", Lease, default);

        Assert.Null(duringBackoff);
        Assert.Equal(failing, afterBackoff?.DedupKey);
    }

    private static string NewKey() => $"E{Guid.NewGuid():N}";

    /// <summary>Other tests' items share the database: push them out of reach of this test's clock.</summary>
    private Task MakeOnlyThisClaimableAsync(string key) => MakeOnlyTheseClaimableAsync(key);

    private async Task MakeOnlyTheseClaimableAsync(params string[] keys)
    {
        await using var context = db.CreateContext();
        var farFuture = DateTimeOffset.UnixEpoch.AddYears(100);
        var others = await context.InboxItems.Where(i => !keys.Contains(i.DedupKey) && i.Status == InboxStatus.Pending).ToListAsync();
        foreach (var other in others.Where(o => o.IsClaimable(farFuture)))
            other.Claim("elsewhere", farFuture, TimeSpan.FromDays(1));
        await context.SaveChangesAsync();
    }
}

public sealed class SqliteInboxStoreTests(SqliteFixture db) : InboxStoreTests(db), IClassFixture<SqliteFixture>;

public sealed class PostgresInboxStoreTests(PostgresFixture db) : InboxStoreTests(db), IClassFixture<PostgresFixture>;
