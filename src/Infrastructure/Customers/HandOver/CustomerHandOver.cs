using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Inbox;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Customers.HandOver;

/// <summary>What a hand-over did: the customers that changed owner and the open cases and follow-ups that went with them.</summary>
public sealed record HandOverOutcome(int Customers, int CasesMoved, int FollowUpsMoved);

/// <summary>
/// Hands customers to a new owner, staged in the caller's unit of work (a chat turn saves it with everything else, in
/// one transaction): each customer's owner changes (its version too, so an edit made on an older copy is refused),
/// the open cases assigned to the previous owner and the open follow-up the previous owner promised follow by
/// <see cref="HandOverRules"/>, one audit entry per customer names the previous and the new owner, and one notice for
/// the new owner is queued in the durable inbox, so the message goes out once even if this instance dies after the
/// save. Who may do it is the caller's check (<see cref="HandOverPolicy"/>).
/// </summary>
public sealed class CustomerHandOver(CrmDbContext db, TimeProvider time)
{
    /// <summary>The customers <paramref name="owner"/> owns now (not merged away, not erased), tracked, by name.</summary>
    public Task<List<Customer>> BookOfAsync(UserId owner, CancellationToken cancellationToken) =>
        db.Customers.Where(c => c.OwnerId == owner && c.MergedIntoId == null && c.ErasedAt == null)
            .OrderBy(c => c.DisplayName).ToListAsync(cancellationToken);

    /// <summary>How many customers <paramref name="owner"/> owns now: what a confirmation shows.</summary>
    public Task<int> CountBookAsync(UserId owner, CancellationToken cancellationToken) =>
        db.Customers.CountAsync(c => c.OwnerId == owner && c.MergedIntoId == null && c.ErasedAt == null, cancellationToken);

    /// <summary>Stages the hand-over of <paramref name="customers"/> (tracked) to <paramref name="heir"/>; the caller saves.</summary>
    public async Task<HandOverOutcome> StageAsync(IReadOnlyList<Customer> customers, User heir, User actor, string channel, HandOverRules rules,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(heir);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(rules);
        var now = time.GetUtcNow();
        var moving = customers.Where(c => c.OwnerId != heir.Id).ToList();
        if (moving.Count == 0)
            return new HandOverOutcome(0, 0, 0);

        var previousOwners = moving.ToDictionary(c => c.Id, c => c.OwnerId);
        var casesMoved = rules.OpenCases == OpenCasesOnHandOver.MoveToNewOwner ? await MoveOpenCasesAsync(previousOwners, heir, actor, now, cancellationToken) : 0;
        var followUpsMoved = rules.OpenFollowUps == OpenFollowUpsOnHandOver.MoveToNewOwner ? await MoveOpenFollowUpsAsync(previousOwners, heir, cancellationToken) : 0;
        foreach (var customer in moving)
        {
            var previous = previousOwners[customer.Id];
            customer.AssignOwner(heir.Id);
            db.AuditEntries.Add(new AuditEntry(actor.Id, AuditAction.HandedOver, customer.Id, channel, now, CustomerField.Identity,
                $"owner {previous?.ToString() ?? "-"} -> {heir.Id}"));
        }

        var fromNames = await PreviousOwnerNamesAsync(previousOwners.Values, cancellationToken);
        var notice = new HandOverNotice(heir.Id.Value, actor.DisplayName, fromNames, moving.Count,
            [.. moving.Take(HandOverNotice.NamesShown).Select(c => c.DisplayName)], casesMoved, followUpsMoved);
        db.InboxItems.Add(new InboxItem(HandOverNotice.Channel, HandOverNotice.Kind, $"{HandOverNotice.Kind}:{Guid.NewGuid():N}", notice.ToPayload(), now));
        return new HandOverOutcome(moving.Count, casesMoved, followUpsMoved);
    }

    /// <summary>
    /// The open follow-up of each of these customers (the <see cref="FollowUp"/> rule: the one set on their latest
    /// interaction) goes to <paramref name="heir"/> when the customer's previous owner answered for it; a promise made
    /// by someone else (a support agent, a colleague covering) stays theirs.
    /// </summary>
    private async Task<int> MoveOpenFollowUpsAsync(Dictionary<CustomerId, UserId?> previousOwners, User heir, CancellationToken cancellationToken)
    {
        var moved = 0;
        foreach (var chunk in previousOwners.Keys.Chunk(500))
        {
            var ids = chunk.ToList();
            var open = await db.Interactions
                .Where(i => ids.Contains(i.CustomerId) && i.FollowUpOn != null
                            && !db.Interactions.Any(n => n.CustomerId == i.CustomerId
                                                         && (n.OccurredAt > i.OccurredAt || (n.OccurredAt == i.OccurredAt && n.RecordedAt > i.RecordedAt))))
                .ToListAsync(cancellationToken);
            foreach (var interaction in open.Where(i => i.FollowUpOwner is { } owner && owner == previousOwners[i.CustomerId]))
            {
                interaction.HandFollowUpTo(heir.Id);
                moved++;
            }
        }
        return moved;
    }

    /// <summary>Open cases of these customers that are assigned to the customer's previous owner go to <paramref name="heir"/>.</summary>
    private async Task<int> MoveOpenCasesAsync(Dictionary<CustomerId, UserId?> previousOwners, User heir, User actor, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var ids = previousOwners.Keys.ToList();
        // With their history: the move is recorded in it, after the entries already there.
        var open = await db.SupportCases.Include(c => c.History)
            .Where(c => ids.Contains(c.CustomerId) && c.AssignedTo != null && c.Status != CaseStatus.Resolved && c.Status != CaseStatus.Closed)
            .ToListAsync(cancellationToken);
        var moved = 0;
        foreach (var supportCase in open.Where(c => c.AssignedTo == previousOwners[c.CustomerId]))
        {
            supportCase.Assign(heir.Id, supportCase.WorkGroup, actor.Id, now);
            moved++;
        }
        return moved;
    }

    /// <summary>The previous owner's name when there was exactly one (a whole book), else null ("from several people").</summary>
    private async Task<string?> PreviousOwnerNamesAsync(IEnumerable<UserId?> owners, CancellationToken cancellationToken)
    {
        var distinct = owners.Distinct().ToList();
        if (distinct is not [{ } only])
            return null;
        return await db.Users.Where(u => u.Id == only).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
    }
}
