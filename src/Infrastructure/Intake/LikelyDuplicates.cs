using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Customers.Merging;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Intake;

/// <summary>The warnings that a new customer looks like one already stored; never a merge.</summary>
internal static class LikelyDuplicates
{
    /// <summary>
    /// New customers whose folded name an existing customer already has are weighed with the <see cref="DuplicateRules"/>
    /// (one read by the name index for the whole batch, at most <see cref="LookalikesPerCustomer"/> per new customer on
    /// average, so a very common name cannot make a batch read the whole table); a likely duplicate is a warning, never a merge.
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
                .ToListAsync(ct))
            .Where(c => c.MergedIntoId == null && c.ErasedAt == null && !byId.ContainsKey(c.Id.Value))
            .ToLookup(c => c.NameKey, StringComparer.Ordinal);
        var suspicions = new Dictionary<int, List<DuplicateSuspicion>>();
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i] is not { Outcome: IntakeOutcome.Created, Id: { } id })
                continue;
            var customer = byId[id];
            var found = lookalikes[customer.NameKey].Select(other => DuplicateRules.Assess(customer, other)).OfType<DuplicateSuspicion>()
                .OrderByDescending(s => s.Strong).Take(LookalikesPerCustomer).ToList();
            if (found.Count > 0)
                suspicions[i] = found;
        }
        if (suspicions.Count == 0)
            return;
        var candidateIds = suspicions.Values.SelectMany(s => s).Select(s => s.Candidate.Id).Distinct().ToList();
        var externalIds = (await db.CustomerIdentities.AsNoTracking()
                .Where(h => h.Kind == IdentityKind.ExternalId && EF.Parameter(candidateIds).Contains(h.CustomerId))
                .Select(h => new { h.CustomerId, h.Value })
                .ToListAsync(ct))
            .GroupBy(h => h.CustomerId).ToDictionary(g => g.Key, g => g.First().Value);
        foreach (var (index, found) in suspicions)
        {
            results[index] = results[index] with
            {
                Warnings = [.. found.Select(s =>
                    $"likely the same customer as {Describe(s.Candidate.Id, externalIds)} ({string.Join(", ", s.Reasons.Select(r => r.English))}); not merged")],
            };
        }
    }

    /// <summary>How many existing lookalikes are weighed (and reported) per new customer.</summary>
    public const int LookalikesPerCustomer = 3;

    private static string Describe(CustomerId id, Dictionary<CustomerId, string> externalIds) =>
        externalIds.TryGetValue(id, out var externalId) ? $"external id {externalId}" : $"customer {id}";
}
