using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Customers.Merging;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Intake;

/// <summary>
/// The warnings that a new customer looks like one already stored (by the <see cref="DuplicateRules"/>); never a merge.
/// Stored customers with the same folded name are read in one query for the whole batch, and only what the rules
/// weigh (keys, country) plus the external id that names them in the warning: a batch weighs thousands of them.
/// </summary>
internal static class LikelyDuplicates
{
    /// <summary>How many existing lookalikes are weighed (and reported) per new customer.</summary>
    public const int LookalikesPerCustomer = 3;

    /// <summary>
    /// Adds the warnings to the results of <paramref name="created"/> customers. One read by the name index for the
    /// whole batch, at most <see cref="LookalikesPerCustomer"/> per new customer on average, so a very common name
    /// cannot make a batch read the whole table.
    /// </summary>
    public static async Task WarnAsync(CrmDbContext db, List<Customer> created, IntakeResult[] results, CancellationToken ct)
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
                .Select(c => new Lookalike(c.Id, c.NameKey, c.CompanyKey, c.Country, c.MergedIntoId == null && c.ErasedAt == null,
                    // The kind in ORDER BY, not WHERE: there SQLite (without statistics) walks every external id
                    // of the (kind, value) index instead of the customer's few handles.
                    db.CustomerIdentities.Where(i => i.CustomerId == c.Id)
                        .OrderBy(i => i.Kind == IdentityKind.ExternalId ? 0 : 1)
                        .Select(i => i.Kind == IdentityKind.ExternalId ? i.Value : null)
                        .FirstOrDefault()))
                .ToListAsync(ct))
            .Where(c => c.Live && !byId.ContainsKey(c.Id.Value))
            .ToLookup(c => c.NameKey, StringComparer.Ordinal);
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
                results[i] = results[i] with { Warnings = [.. found.Select(s => Warning(s.Other, s.Reasons!))] };
        }
    }

    private static string Warning(Lookalike other, IReadOnlyList<LocalizedText> reasons) =>
        $"likely the same customer as {(other.ExternalId is { } externalId ? $"external id {externalId}" : $"customer {other.Id}")} ({string.Join(", ", reasons.Select(r => r.English))}); not merged";

    /// <summary>What the rules weigh of a stored customer (<see cref="Live"/>: neither merged nor erased), and its external id.</summary>
    private sealed record Lookalike(CustomerId Id, string NameKey, string CompanyKey, CountryCode Country, bool Live, string? ExternalId);
}
