using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Inbox;

/// <summary>
/// An inbox item as a channel's handler sees it once the worker has claimed it: what kind of work it is, the payload the
/// channel wrote, and which attempt this is. Completing it together with the work is explicit:
/// <see cref="CompleteWithTurnAsync"/> marks the item done in the handler's own <see cref="CrmDbContext"/> without saving,
/// so the turn's save commits both (a crash can never leave a turn stored but its item still waiting to run again).
/// A handler that never calls it is still completed by the worker after it returns.
/// </summary>
public sealed class ClaimedInboxItem(Guid id, string kind, string payload, int attempt, TimeProvider time)
{
    public Guid Id { get; } = id;

    /// <summary>What the work is, for the channel's handler ("command", "event", "interaction").</summary>
    public string Kind { get; } = kind;

    /// <summary>The work as the channel wrote it (JSON).</summary>
    public string Payload { get; } = payload;

    public int Attempt { get; } = attempt;

    /// <summary>
    /// Marks the item done, unsaved, in <paramref name="db"/>: the next <c>SaveChanges</c> on it (the turn's) completes
    /// the item in the same transaction. Call it before the work, on the context the work saves with.
    /// </summary>
    public async Task CompleteWithTurnAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var tracked = await db.InboxItems.SingleAsync(i => i.Id == Id, cancellationToken);
        tracked.Complete(time.GetUtcNow());
    }
}
