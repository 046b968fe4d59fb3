using System.Collections.Concurrent;
using ChatCrm.Infrastructure.Persistence.Inbox;
using ChatCrm.Infrastructure.Tests.Persistence;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Tests.Inbox;

/// <summary>
/// Several workers (as on several instances) calling <see cref="InboxStore.ClaimNextAsync"/> at once on the shared
/// PostgreSQL database: every item is taken by exactly one of them, and the stored lease names that one.
/// </summary>
public sealed class InboxStoreClaimRaceTests(PostgresFixture db) : IClassFixture<PostgresFixture>
{
    private const int Items = 120;
    private const int Workers = 6;

    [Fact]
    public async Task ClaimNextAsync_SixWorkersAtOnce_EachItemIsClaimedByExactlyOneWorker()
    {
        var clock = TestClock.Create(DateTimeOffset.UnixEpoch.AddYears(10));
        var keys = Enumerable.Range(0, Items).Select(i => $"race-{i}-{Guid.NewGuid():N}").ToList();
        await using (var setup = db.CreateContext())
        {
            var inbox = new InboxStore(setup, clock);
            foreach (var key in keys)
                await inbox.AcceptAsync("race", "event", key, "{}", default);
        }

        var claims = new ConcurrentBag<(string Worker, Guid Item)>();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var workers = Enumerable.Range(1, Workers).Select(n => Task.Run(async () =>
        {
            var worker = $"worker-{n}";
            await using var context = db.CreateContext();
            var inbox = new InboxStore(context, clock);
            // Connected before the start: otherwise the first worker could drain the queue while the others still connect.
            await context.Database.OpenConnectionAsync();
            await go.Task;
            while (await inbox.ClaimNextAsync(worker, TimeSpan.FromMinutes(5), default) is { } item)
                claims.Add((worker, item.Id));
        })).ToList();
        go.SetResult();
        await Task.WhenAll(workers);

        await using var read = db.CreateContext();
        var stored = await read.InboxItems.AsNoTracking().Where(i => keys.Contains(i.DedupKey)).ToListAsync();
        Assert.Equal(Items, stored.Count);
        Assert.Equal(Items, claims.Count);
        Assert.Equal(Items, claims.Select(c => c.Item).Distinct().Count());
        foreach (var item in stored)
            Assert.Equal(claims.Single(c => c.Item == item.Id).Worker, item.LeaseOwner);
        Assert.True(claims.Select(c => c.Worker).Distinct().Count() > 1, "One worker took everything: the workers did not race.");
    }
}
