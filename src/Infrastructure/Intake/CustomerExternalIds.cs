using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Intake;

/// <summary>The customers that records name by their external id, in one read of the identity index.</summary>
internal static class CustomerExternalIds
{
    public static async Task<Dictionary<string, CustomerId>> ResolveAsync(CrmDbContext db, IEnumerable<string?> externalIds, CancellationToken ct)
    {
        var wanted = externalIds.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
            return new Dictionary<string, CustomerId>(StringComparer.Ordinal);
        var found = await db.CustomerIdentities.AsNoTracking()
            .Where(i => i.Kind == IdentityKind.ExternalId && EF.Parameter(wanted).Contains(i.Value))
            .Select(i => new { i.Value, i.CustomerId })
            .ToListAsync(ct);
        return found.ToDictionary(i => i.Value, i => i.CustomerId, StringComparer.Ordinal);
    }
}
