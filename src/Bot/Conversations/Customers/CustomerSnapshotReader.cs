using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Conversations.Jobs;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Tiers;
using ChatCrm.Infrastructure.Consents;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Conversations.Customers;

/// <summary>A profile's snapshot and the parts of the record it reveals (what the audit entry names).</summary>
public sealed record CustomerSnapshotRead(CustomerSnapshot Snapshot, CustomerField Shown);

/// <summary>
/// Reads what a profile card shows beside the record, for one reader: only the parts their grant allows are read at
/// all (a part held back is never loaded, so it cannot leak into a card), and the result says which parts it holds.
/// The open follow-up follows the domain rule (<see cref="FollowUp.OpenAmong"/>: the one on the latest interaction).
/// </summary>
public sealed class CustomerSnapshotReader(CrmDbContext db, ConsentSubjectReader consents, CasesJob cases, TimeProvider time)
{
    public async Task<CustomerSnapshotRead> ReadAsync(TurnContext context, Customer customer, AccessGrant grant)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(grant);
        var ct = context.CancellationToken;
        var now = time.GetUtcNow();
        var zone = context.User.ResolveTimeZone();
        var shown = grant.Visible & CustomerField.BasicContact;

        var count = 0;
        LastContact? last = null;
        FollowUp? followUp = null;
        if (grant.Allows(CustomerField.Interactions))
        {
            var interactions = db.Interactions.AsNoTracking().Where(i => i.CustomerId == customer.Id);
            var latest = await interactions.OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.RecordedAt).FirstOrDefaultAsync(ct);
            if (latest is not null)
            {
                count = await interactions.CountAsync(ct);
                var who = await db.Users.Where(u => u.Id == latest.LoggedBy).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
                last = new LastContact(latest, who);
                followUp = FollowUp.OpenAmong([latest]);
            }
            shown |= CustomerField.Interactions;
        }
        var snapshot = new CustomerSnapshot(count, last, followUp, Dates.Today(now, zone), zone);
        if (grant.Allows(CustomerField.Consents))
        {
            snapshot = snapshot with { Consents = ConsentSummary.Of(await consents.ReadAsync(customer, now, ct)) };
            shown |= CustomerField.Consents;
        }
        if (grant.Allows(CustomerCards.ValueFields))
        {
            snapshot = snapshot with { Tier = await TierFiguresAsync(customer.Id, ct) };
            shown |= CustomerCards.ValueFields;
        }
        if (grant.Allows(CustomerField.Cases))
        {
            var open = await cases.OpenCasesAsync(customer, ct);
            snapshot = snapshot with { OpenCases = open };
            if (open.Count > 0)
                shown |= CustomerField.Cases;
        }
        return new CustomerSnapshotRead(snapshot, shown);
    }

    /// <summary>The latest recalculation's figures, the newest real move (first rankings are not news) and the needs.</summary>
    private async Task<TierFigures> TierFiguresAsync(CustomerId id, CancellationToken ct)
    {
        var value = await db.CustomerValues.AsNoTracking().SingleOrDefaultAsync(v => v.CustomerId == id, ct);
        var move = await db.TierChanges.AsNoTracking()
            .Where(c => c.CustomerId == id && c.FromTier != null)
            .OrderByDescending(c => c.ChangedAt)
            .FirstOrDefaultAsync(ct);
        var needs = await db.CustomerNeeds.Where(n => n.CustomerId == id).Select(n => n.Category).ToListAsync(ct);
        return new TierFigures(value, move, new NeedsSegment(needs));
    }
}
