using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Persistence.Outbox;

/// <summary>
/// The durable outbox of chat replies. A turn adds its <see cref="OutboxMessage"/>s to the context it saves with (so
/// they commit with it); afterwards the writer delivers them at once, and workers on any instance
/// <see cref="ClaimNextAsync">claim</see> whatever is left: a message whose writer stopped, or whose attempt failed.
/// Claims are optimistic, as the inbox's are: the concurrency token lets one of two racing workers win. A holder keeps
/// its claim alive with <see cref="RenewAsync"/> (the heartbeat), so a short lease is enough and a stopped instance's
/// messages are taken over within seconds.
/// </summary>
public sealed class OutboxStore(CrmDbContext db, TimeProvider time)
{
    private const int ClaimRaces = 5;
    private const int CandidatesPerLook = 8;

    /// <summary>
    /// Takes the oldest claimable message for <paramref name="owner"/>, or null. A message waits while an earlier one of
    /// its conversation is still pending, or while another of its conversation is held (or waits for its retry), so one
    /// conversation's replies never overtake each other.
    /// </summary>
    public Task<OutboxMessage?> ClaimNextAsync(string owner, TimeSpan lease, CancellationToken cancellationToken) =>
        ClaimNextAsync(owner, lease, [], cancellationToken);

    /// <summary>
    /// As <see cref="ClaimNextAsync(string, TimeSpan, CancellationToken)"/>, but never a message held by one of
    /// <paramref name="stillSending"/>, however late its heartbeat: the holders the caller knows to be alive and sending
    /// (its own process's), whose messages taken over would go out twice.
    /// </summary>
    public async Task<OutboxMessage?> ClaimNextAsync(string owner, TimeSpan lease, IReadOnlyCollection<string> stillSending, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stillSending);
        var alive = stillSending.ToList();
        for (var race = 0; race < ClaimRaces; race++)
        {
            var now = time.GetUtcNow();
            var candidates = await db.OutboxMessages
                .Where(m => m.Status == OutboxStatus.Pending && (m.LeaseUntil == null || m.LeaseUntil <= now))
                .Where(m => m.LeaseOwner == null || !alive.Contains(m.LeaseOwner))
                .Where(m => !db.OutboxMessages.Any(o =>
                    o.OrderingKey == m.OrderingKey && o.Id != m.Id && o.Status == OutboxStatus.Pending
                    && (o.CreatedAt < m.CreatedAt || (o.CreatedAt == m.CreatedAt && o.Position < m.Position)
                        || (o.LeaseUntil != null && o.LeaseUntil > now))))
                .OrderBy(m => m.CreatedAt).ThenBy(m => m.Position)
                .Take(CandidatesPerLook)
                .ToListAsync(cancellationToken);
            if (candidates.Count == 0)
                return null;
            // Workers looking at the same moment would all reach for the oldest; each starts somewhere else among them.
            var start = Random.Shared.Next(candidates.Count);
            for (var offset = 0; offset < candidates.Count; offset++)
            {
                var candidate = candidates[(start + offset) % candidates.Count];
                // The lease runs from the claim, not from the look: a slow query must not hand out a lease already run out.
                candidate.Claim(owner, time.GetUtcNow(), lease);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                    return candidate;
                }
                catch (DbUpdateConcurrencyException)
                {
                    // Another worker took it first.
                    db.Entry(candidate).State = EntityState.Detached;
                }
            }
            db.ChangeTracker.Clear();
        }
        return null;
    }

    /// <summary>The heartbeat: extends the lease of those of <paramref name="ids"/> that <paramref name="owner"/> still holds; how many it still holds.</summary>
    public Task<int> RenewAsync(IReadOnlyCollection<Guid> ids, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() + lease;
        return db.OutboxMessages
            .Where(m => ids.Contains(m.Id) && m.LeaseOwner == owner && m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LeaseUntil, until)
                .SetProperty(m => EF.Property<long>(m, ConcurrencyVersion.PropertyName), m => EF.Property<long>(m, ConcurrencyVersion.PropertyName) + 1),
                cancellationToken);
    }

    /// <summary>Marks the message delivered and forgets its body, if <paramref name="owner"/> still holds it.</summary>
    public async Task<bool> MarkDeliveredAsync(Guid id, string owner, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await db.OutboxMessages
            .Where(m => m.Id == id && m.LeaseOwner == owner && m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Delivered)
                .SetProperty(m => m.DeliveredAt, now)
                .SetProperty(m => m.Body, (string?)null)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(m => EF.Property<long>(m, ConcurrencyVersion.PropertyName), m => EF.Property<long>(m, ConcurrencyVersion.PropertyName) + 1),
                cancellationToken) == 1;
    }

    /// <summary>Records a failed attempt: tried again after <paramref name="retryAfter"/>, or given up after <paramref name="maxAttempts"/>. Null when no longer held.</summary>
    public async Task<OutboxStatus?> FailAsync(Guid id, string owner, string error, TimeSpan retryAfter, int maxAttempts, CancellationToken cancellationToken)
    {
        var message = await HeldAsync(id, owner, cancellationToken);
        if (message is null)
            return null;
        message.Fail(error, time.GetUtcNow() + retryAfter, maxAttempts);
        return await TrySaveAsync(cancellationToken) ? message.Status : null;
    }

    /// <summary>The channel refused the message for good: it is marked failed with <paramref name="reason"/> and never tried again.</summary>
    public async Task<bool> RefuseAsync(Guid id, string owner, string reason, CancellationToken cancellationToken)
    {
        var message = await HeldAsync(id, owner, cancellationToken);
        if (message is null)
            return false;
        message.Refuse(reason);
        return await TrySaveAsync(cancellationToken);
    }

    /// <summary>
    /// Whether the conversation has a pending message written at or before <paramref name="createdAt"/> that
    /// <paramref name="owner"/> does not hold: the writer must then not send its own at once, or they would overtake it.
    /// Asked after every turn, so compiled once (and with no list parameter, whose SQL EF Core would build on each call).
    /// </summary>
    public Task<bool> HasEarlierPendingAsync(string orderingKey, DateTimeOffset createdAt, string owner, CancellationToken cancellationToken) =>
        EarlierPending.For(db)(db, orderingKey, createdAt, owner, cancellationToken);

    private static readonly CompiledQueryPerModel<Func<CrmDbContext, string, DateTimeOffset, string, CancellationToken, Task<bool>>> EarlierPending =
        new(() => EF.CompileAsyncQuery((CrmDbContext db, string orderingKey, DateTimeOffset createdAt, string owner, CancellationToken _) =>
            db.OutboxMessages.Any(m => m.OrderingKey == orderingKey && m.Status == OutboxStatus.Pending && m.CreatedAt <= createdAt
                && (m.LeaseOwner == null || m.LeaseOwner != owner))));

    /// <summary>Lets go of <paramref name="ids"/> held by <paramref name="owner"/>, for any worker to deliver in their turn.</summary>
    public Task<int> ReleaseAsync(IReadOnlyCollection<Guid> ids, string owner, CancellationToken cancellationToken) =>
        db.OutboxMessages
            .Where(m => ids.Contains(m.Id) && m.LeaseOwner == owner && m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LeaseOwner, (string?)null)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(m => EF.Property<long>(m, ConcurrencyVersion.PropertyName), m => EF.Property<long>(m, ConcurrencyVersion.PropertyName) + 1),
                cancellationToken);

    private Task<OutboxMessage?> HeldAsync(Guid id, string owner, CancellationToken cancellationToken) =>
        db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == id && m.LeaseOwner == owner && m.Status == OutboxStatus.Pending, cancellationToken);

    private async Task<bool> TrySaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
