using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Persistence.Inbox;

/// <summary>The answer to "please keep this work": accepted now, or already known from an earlier delivery.</summary>
public enum InboxAcceptance
{
    Accepted,
    Duplicate,
}

/// <summary>
/// The durable inbox shared by the chat channels: endpoints <see cref="AcceptAsync">accept</see> work before they
/// acknowledge it; workers <see cref="ClaimNextAsync">claim</see> the oldest waiting item under a lease, do it, and
/// complete or fail it. Claims are optimistic: two workers racing for one item both try to save their lease, the
/// concurrency token lets exactly one succeed, and the other moves on to the next item.
/// </summary>
public sealed class InboxStore(CrmDbContext db, TimeProvider time)
{
    private const int ClaimRaces = 5;
    private const int CandidatesPerLook = 8;

    /// <summary>
    /// Stores the work unless the same (channel, dedup key) is already stored. Work with the same
    /// <paramref name="orderingKey"/> is later claimed strictly one item after another, in arrival order.
    /// </summary>
    public async Task<InboxAcceptance> AcceptAsync(string channel, string kind, string dedupKey, string payload, CancellationToken cancellationToken,
        string? orderingKey = null)
    {
        if (await db.InboxItems.AnyAsync(i => i.Channel == channel && i.DedupKey == dedupKey, cancellationToken))
            return InboxAcceptance.Duplicate;
        var item = new InboxItem(channel, kind, dedupKey, payload, time.GetUtcNow(), orderingKey);
        db.InboxItems.Add(item);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return InboxAcceptance.Accepted;
        }
        catch (DbUpdateException)
        {
            // The same delivery reached another request (or instance) between the check and the insert.
            if (await IsStoredAsync(channel, dedupKey, item, cancellationToken))
                return InboxAcceptance.Duplicate;
            throw;
        }
    }

    /// <summary>
    /// Takes the oldest claimable item for <paramref name="owner"/>, or null when there is nothing to do. An item waits
    /// while an earlier item with its ordering key is still pending, or while another item with that key is being
    /// worked on (or waits for its retry), so one conversation's turns never overtake each other.
    /// </summary>
    public async Task<InboxItem?> ClaimNextAsync(string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        for (var race = 0; race < ClaimRaces; race++)
        {
            var now = time.GetUtcNow();
            var candidates = await db.InboxItems
                .Where(i => i.Status == InboxStatus.Pending && (i.LeaseUntil == null || i.LeaseUntil <= now))
                .Where(i => i.OrderingKey == null || !db.InboxItems.Any(o =>
                    o.OrderingKey == i.OrderingKey && o.Id != i.Id && o.Status == InboxStatus.Pending
                    && (o.ReceivedAt < i.ReceivedAt || (o.LeaseUntil != null && o.LeaseUntil > now))))
                .OrderBy(i => i.ReceivedAt)
                .Take(CandidatesPerLook)
                .ToListAsync(cancellationToken);
            if (candidates.Count == 0)
                return null;
            // Workers looking at the same moment would all reach for the oldest item; each starts somewhere else
            // among the oldest few (all of different conversations), so most of them win a claim at the first try.
            var start = Random.Shared.Next(candidates.Count);
            for (var offset = 0; offset < candidates.Count; offset++)
            {
                var candidate = candidates[(start + offset) % candidates.Count];
                // The lease runs from the claim, not from the look: a slow query must not hand out a lease already run out.
                candidate.Claim(owner, time.GetUtcNow(), lease);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    DetachAllBut(candidates, candidate);
                    return candidate;
                }
                catch (DbUpdateConcurrencyException)
                {
                    // Another worker took it first.
                    db.Entry(candidate).State = EntityState.Detached;
                }
            }
        }
        return null;
    }

    private void DetachAllBut(List<InboxItem> candidates, InboxItem kept)
    {
        foreach (var other in candidates.Where(c => !ReferenceEquals(c, kept) && db.Entry(c).State != EntityState.Detached))
            db.Entry(other).State = EntityState.Detached;
    }

    /// <summary>
    /// Marks the item done if <paramref name="owner"/> still holds it (the channel may already have completed it
    /// in the same transaction as the work itself). False when someone else has taken it over meanwhile.
    /// </summary>
    public async Task<bool> CompleteAsync(Guid id, string owner, CancellationToken cancellationToken)
    {
        var item = await db.InboxItems.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null || item.LeaseOwner != owner)
            return false;
        if (item.Status == InboxStatus.Done)
            return true;
        item.Complete(time.GetUtcNow());
        return await TrySaveAsync(cancellationToken);
    }

    /// <summary>Records a failed attempt; the item is retried after <paramref name="retryAfter"/> or given up after <paramref name="maxAttempts"/>.</summary>
    public async Task<InboxStatus?> FailAsync(Guid id, string owner, string error, TimeSpan retryAfter, int maxAttempts, CancellationToken cancellationToken)
    {
        var item = await db.InboxItems.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null || item.LeaseOwner != owner || item.Status != InboxStatus.Pending)
            return null;
        item.Fail(error, time.GetUtcNow() + retryAfter, maxAttempts);
        return await TrySaveAsync(cancellationToken) ? item.Status : null;
    }

    /// <summary>
    /// The heartbeat: extends the lease while <paramref name="owner"/> still holds the item; false once it does not. The
    /// concurrency token is left alone, so the handler's own save (which completes the item with its turn) still succeeds.
    /// </summary>
    public async Task<bool> RenewAsync(Guid id, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() + lease;
        return await db.InboxItems
            .Where(i => i.Id == id && i.LeaseOwner == owner && i.Status == InboxStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseUntil, until), cancellationToken) == 1;
    }

    /// <summary>Whether the item was put back to wait by its handler (<see cref="InboxItem.Defer"/>) rather than done or taken over.</summary>
    public async Task<bool> IsDeferredAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await db.InboxItems.AsNoTracking().AnyAsync(
            i => i.Id == id && i.Status == InboxStatus.Pending && i.LeaseOwner == null && i.LeaseUntil != null && i.LeaseUntil > now, cancellationToken);
    }

    private async Task<bool> TrySaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task<bool> IsStoredAsync(string channel, string dedupKey, InboxItem attempted, CancellationToken cancellationToken)
    {
        db.Entry(attempted).State = EntityState.Detached;
        return await db.InboxItems.AnyAsync(i => i.Channel == channel && i.DedupKey == dedupKey, cancellationToken);
    }
}
