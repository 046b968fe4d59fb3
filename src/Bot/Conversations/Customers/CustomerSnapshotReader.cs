using ChatCrm.Bot.Features.Cases;
using ChatCrm.Bot.Features.Customers;
using ChatCrm.Bot.Cards;
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
/// Several customers (a message-extension search's hits) are read together: one statement per part for all of them,
/// not one per part and customer.
/// </summary>
public sealed class CustomerSnapshotReader(CrmDbContext db, ConsentSubjectReader consents, OpenCaseReader cases, TimeProvider time)
{
    public async Task<CustomerSnapshotRead> ReadAsync(TurnContext context, Customer customer, AccessGrant grant)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(grant);
        return (await ReadManyAsync(context, [(customer, grant)]))[0];
    }

    /// <summary>Each customer's snapshot under its own grant, in the order given.</summary>
    public async Task<IReadOnlyList<CustomerSnapshotRead>> ReadManyAsync(TurnContext context, IReadOnlyList<(Customer Customer, AccessGrant Grant)> reads)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(reads);
        var ct = context.CancellationToken;
        var now = time.GetUtcNow();
        var zone = context.User.ResolveTimeZone();
        List<Customer> Allowed(CustomerField part) => reads.Where(r => r.Grant.Allows(part)).Select(r => r.Customer).ToList();

        var interactions = await InteractionsAsync(Allowed(CustomerField.Interactions), ct);
        var consentSubjects = await consents.ReadManyAsync(Allowed(CustomerField.Consents), now, ct);
        var tiers = await TierFiguresAsync(Allowed(CustomerCards.ValueFields).Select(c => c.Id).ToList(), ct);
        var openCases = await cases.OpenCasesAsync(Allowed(CustomerField.Cases), ct);

        var results = new List<CustomerSnapshotRead>(reads.Count);
        foreach (var (customer, grant) in reads)
        {
            var shown = grant.Visible & CustomerField.BasicContact;
            var (count, last) = interactions.GetValueOrDefault(customer.Id);
            if (grant.Allows(CustomerField.Interactions))
                shown |= CustomerField.Interactions;
            var snapshot = new CustomerSnapshot(count, last, last is null ? null : FollowUp.OpenAmong([last.Interaction]), Dates.Today(now, zone), zone);
            if (consentSubjects.TryGetValue(customer.Id, out var subject))
            {
                snapshot = snapshot with { Consents = ConsentSummary.Of(subject) };
                shown |= CustomerField.Consents;
            }
            if (tiers.TryGetValue(customer.Id, out var figures))
            {
                snapshot = snapshot with { Tier = figures };
                // Before the first recalculation the section only says there is no tier yet: no figures, no needs.
                if (figures.Value is not null)
                    shown |= CustomerField.Tier | CustomerField.Revenue | (figures.Needs.IsEmpty ? CustomerField.None : CustomerField.Products);
            }
            if (openCases.TryGetValue(customer.Id, out var open))
            {
                snapshot = snapshot with { OpenCases = open };
                if (open.Count > 0)
                    shown |= CustomerField.Cases;
            }
            results.Add(new CustomerSnapshotRead(snapshot, shown));
        }
        return results;
    }

    /// <summary>Per customer: how many interactions, and the latest with the name of who logged it (customers without any are absent).</summary>
    private async Task<Dictionary<CustomerId, (int Count, LastContact? Last)>> InteractionsAsync(List<Customer> customers, CancellationToken ct)
    {
        if (customers.Count == 0)
            return [];
        var ids = customers.Select(c => c.Id).ToList();
        var counts = await db.Interactions.Where(i => ids.Contains(i.CustomerId))
            .GroupBy(i => i.CustomerId)
            .Select(g => new { Customer = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Customer, g => g.Count, ct);
        var latest = await db.Interactions.AsNoTracking().Where(i => ids.Contains(i.CustomerId))
            .GroupBy(i => i.CustomerId)
            .Select(g => g.OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.RecordedAt).First())
            .ToListAsync(ct);
        var authors = latest.Select(i => i.LoggedBy).Distinct().ToList();
        var names = await db.Users.Where(u => authors.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return latest.ToDictionary(i => i.CustomerId, i => (counts.GetValueOrDefault(i.CustomerId), (LastContact?)new LastContact(i, names.GetValueOrDefault(i.LoggedBy))));
    }

    /// <summary>Per customer: the latest recalculation's figures, the newest real move (first rankings are not news) and the needs.</summary>
    private async Task<Dictionary<CustomerId, TierFigures>> TierFiguresAsync(List<CustomerId> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
            return [];
        var values = await db.CustomerValues.AsNoTracking().Where(v => ids.Contains(v.CustomerId)).ToDictionaryAsync(v => v.CustomerId, ct);
        var moves = await db.TierChanges.AsNoTracking()
            .Where(c => ids.Contains(c.CustomerId) && c.FromTier != null)
            .GroupBy(c => c.CustomerId)
            .Select(g => g.OrderByDescending(c => c.ChangedAt).First())
            .ToDictionaryAsync(c => c.CustomerId, ct);
        var needs = (await db.CustomerNeeds.Where(n => ids.Contains(n.CustomerId)).Select(n => new { n.CustomerId, n.Category }).ToListAsync(ct))
            .ToLookup(n => n.CustomerId, n => n.Category);
        return ids.ToDictionary(id => id, id => new TierFigures(values.GetValueOrDefault(id), moves.GetValueOrDefault(id), new NeedsSegment(needs[id].ToList())));
    }
}
