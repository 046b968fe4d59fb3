using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Customers.Merging;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Intake;

/// <summary>
/// The warnings that a new customer looks like one already stored (by the <see cref="DuplicateRules"/>); never a merge.
/// Stored customers with the same folded name are read in one query for the whole batch, and only what the rules
/// weigh (keys, country): a batch weighs thousands of them; a second query finds the external ids that name the
/// likely duplicates in the warnings.
/// </summary>
internal static class LikelyDuplicates
{
    /// <summary>How many existing lookalikes are weighed (and reported) per new customer.</summary>
    public const int LookalikesPerCustomer = 3;

    /// <summary>
    /// Adds the warnings to the results of <paramref name="created"/> customers. One read by the name index for the
    /// whole batch, at most <see cref="LookalikesPerCustomer"/> per new customer on average, so a very common name
    /// cannot make a batch read the whole table. The first <paramref name="named"/> warnings, in row order, name the
    /// stored customer by its external id (one more read); the others by its id.
    /// </summary>
    public static async Task WarnAsync(CrmDbContext db, List<Customer> created, IntakeResult[] results, int named, CancellationToken ct)
    {
        var names = created.Select(c => c.NameKey).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
            return;
        var byId = created.ToDictionary(c => c.Id.Value);
        // Merged and erased records are left out here, not in SQL: with them in the WHERE clause, SQLite (without
        // statistics) walks the MergedIntoId index, which holds nearly every customer, instead of the name index.
        var lookalikes = (await db.Customers.AsNoTracking()
                .Where(c => EF.Parameter(names).Contains(c.NameKey))
                .Take(created.Count * LookalikesPerCustomer)
                .Select(c => new Lookalike(c.Id, c.NameKey, c.CompanyKey, c.Country, c.MergedIntoId == null && c.ErasedAt == null))
                .ToListAsync(ct))
            .Where(c => c.Live && !byId.ContainsKey(c.Id.Value))
            .ToLookup(c => c.NameKey, StringComparer.Ordinal);
        var suspicions = new Dictionary<int, List<(Lookalike Other, IReadOnlyList<LocalizedText>? Reasons)>>();
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i] is not { Outcome: IntakeOutcome.Created, Id: { } id })
                continue;
            var customer = byId[id];
            var found = lookalikes[customer.NameKey]
                .Select(other => (Other: other, Reasons: DuplicateRules.Weigh(customer, other.NameKey, other.CompanyKey, other.Country)))
                .Where(s => s.Reasons is not null)
                .OrderByDescending(s => DuplicateRules.IsStrong(s.Reasons!)).Take(LookalikesPerCustomer).ToList();
            if (found.Count > 0)
                suspicions[i] = found;
        }
        if (suspicions.Count == 0)
            return;
        var toName = suspicions.OrderBy(s => s.Key).SelectMany(s => s.Value).Take(named).Select(s => s.Other.Id).Distinct().ToList();
        var externalIds = toName.Count == 0 ? [] : await ExternalIdsAsync(db, toName, ct);
        foreach (var (index, found) in suspicions)
            results[index] = results[index] with { Warnings = [.. found.Select(s => Warning(s.Other.Id, s.Reasons!, externalIds))] };
    }

    /// <summary>
    /// The external id of each of <paramref name="customers"/> that has one, to name it in the warning. SQLite (without
    /// statistics) serves "this kind, these customers" from the (kind, value) index, walking every external id stored,
    /// so there the customers' handles are read by the customer index and the kind is picked here.
    /// </summary>
    private static async Task<Dictionary<CustomerId, string>> ExternalIdsAsync(CrmDbContext db, List<CustomerId> customers, CancellationToken ct)
    {
        var handles = db.CustomerIdentities.AsNoTracking().Where(h => EF.Parameter(customers).Contains(h.CustomerId));
        if (!db.Database.IsSqlite())
            handles = handles.Where(h => h.Kind == IdentityKind.ExternalId);
        return (await handles.Select(h => new { h.CustomerId, h.Kind, h.Value }).ToListAsync(ct))
            .Where(h => h.Kind == IdentityKind.ExternalId)
            .GroupBy(h => h.CustomerId)
            .ToDictionary(g => g.Key, g => g.First().Value);
    }

    private static string Warning(CustomerId other, IReadOnlyList<LocalizedText> reasons, Dictionary<CustomerId, string> externalIds) =>
        $"likely the same customer as {(externalIds.TryGetValue(other, out var externalId) ? $"external id {externalId}" : $"customer {other}")} ({string.Join(", ", reasons.Select(r => r.English))}); not merged";

    /// <summary>What the rules weigh of a stored customer; <see cref="Live"/> when it is neither merged nor erased.</summary>
    private sealed record Lookalike(CustomerId Id, string NameKey, string CompanyKey, CountryCode Country, bool Live);
}
