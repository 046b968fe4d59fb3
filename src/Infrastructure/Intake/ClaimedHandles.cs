using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Intake;

/// <summary>Who holds each handle a batch names (e-mails, phones, loyalty numbers), in one read of the handle index.</summary>
internal static class ClaimedHandles
{
    public static async Task<Dictionary<(IdentityKind, string), CustomerId>> ResolveAsync(CrmDbContext db, IReadOnlyList<CheckedCustomer> candidates, CancellationToken ct)
    {
        var handles = candidates.SelectMany(c => c.Handles).ToList();
        var emails = handles.Where(h => h.Kind == IdentityKind.Email).Select(h => h.Value).Distinct().ToList();
        var phones = handles.Where(h => h.Kind == IdentityKind.Phone).Select(h => h.Value).Distinct().ToList();
        var loyalty = handles.Where(h => h.Kind == IdentityKind.LoyaltyNumber).Select(h => h.Value).Distinct().ToList();
        var claimed = new Dictionary<(IdentityKind, string), CustomerId>();
        if (handles.Count == 0)
            return claimed;
        var holders = await db.CustomerIdentities.AsNoTracking()
            .Where(i => (i.Kind == IdentityKind.Email && EF.Parameter(emails).Contains(i.Value))
                || (i.Kind == IdentityKind.Phone && EF.Parameter(phones).Contains(i.Value))
                || (i.Kind == IdentityKind.LoyaltyNumber && EF.Parameter(loyalty).Contains(i.Value)))
            .Select(i => new { i.Kind, i.Value, i.CustomerId })
            .ToListAsync(ct);
        foreach (var holder in holders)
            claimed[(holder.Kind, holder.Value)] = holder.CustomerId;
        return claimed;
    }
}
