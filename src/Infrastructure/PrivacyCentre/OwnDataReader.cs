using ChatCrm.Domain.Customers;
using ChatCrm.Domain.PrivacyCentre;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.PrivacyCentre;

/// <summary>Reads <see cref="OwnData"/> for one customer; what it leaves out, and why, is ADR 0006.</summary>
public sealed class OwnDataReader(CrmDbContext db)
{
    /// <returns>The customer's data, or null when the record was erased, merged away or does not exist.</returns>
    public async Task<OwnData?> ReadAsync(CustomerId id, CancellationToken ct)
    {
        var customer = await db.Customers.AsNoTracking().Include(c => c.Identities)
            .FirstOrDefaultAsync(c => c.Id == id && c.ErasedAt == null && c.MergedIntoId == null, ct);
        if (customer is null)
            return null;

        var interactions = await db.Interactions.AsNoTracking().Where(i => i.CustomerId == id).OrderByDescending(i => i.OccurredAt).ToListAsync(ct);
        var orders = await db.Orders.AsNoTracking().Where(o => o.CustomerId == id).OrderByDescending(o => o.PlacedAt).ToListAsync(ct);
        var cases = await db.SupportCases.AsNoTracking().Where(c => c.CustomerId == id).OrderByDescending(c => c.CreatedAt).ToListAsync(ct);
        var consents = await db.ConsentRecords.AsNoTracking().Where(c => c.CustomerId == id).OrderByDescending(c => c.RecordedAt).ToListAsync(ct);
        var offers = await (from p in db.OfferPresentations.AsNoTracking()
                            join o in db.Offers.AsNoTracking() on p.OfferId equals o.Id
                            where p.CustomerId == id
                            orderby p.PresentedAt descending
                            select new OwnOffer(p.PresentedAt, o.Name, p.ContactChannel, p.Response, p.AnsweredAt)).ToListAsync(ct);
        var erasure = await db.ErasureRequests.AsNoTracking().Where(r => r.CustomerId == id)
            .OrderByDescending(r => r.RequestedAt).FirstOrDefaultAsync(ct);

        var staffIds = interactions.Select(i => i.LoggedBy).Append(customer.OwnerId ?? default).Distinct().ToList();
        var staff = await db.Users.AsNoTracking().Where(u => staffIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        string? Name(UserId? user) => user is { } known && staff.TryGetValue(known, out var name) ? name : null;

        return new OwnData(
            new OwnIdentity(customer.Id, customer.DisplayName, customer.Company, customer.Country.Value, customer.PreferredLanguage.Value, customer.CreatedAt, Name(customer.OwnerId)),
            [.. customer.Identities.Where(h => h.Kind is not (IdentityKind.TeamsUser or IdentityKind.SlackUser))
                .OrderBy(h => h.Kind).ThenBy(h => h.Value, StringComparer.Ordinal).Select(h => new OwnHandle(h.Kind, h.Value))],
            [.. interactions.Select(i => new OwnInteraction(i.OccurredAt, i.Kind, i.Channel, i.Summary, Name(i.LoggedBy)))],
            [.. orders.Select(o => new OwnOrder(o.PlacedAt, o.ProductCode, o.Amount, o.Currency))],
            [.. cases.Select(c => new OwnCase(c.Number, c.Title, c.Status.ToString(), c.CreatedAt, c.ResolvedAt))],
            consents,
            offers,
            erasure);
    }
}
