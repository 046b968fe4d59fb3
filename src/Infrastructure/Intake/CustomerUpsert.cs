using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Customers.Merging;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Intake;

/// <summary>
/// Creates or updates customers by their external id, with their handles normalised as everywhere else. A handle
/// that already belongs to another customer is refused (that is a duplicate for a person to merge, never merged
/// here); a new customer that looks like an existing one (the <see cref="DuplicateRules"/>) is stored with a warning
/// naming it. Blank optional fields (company, owner, handles) leave what is stored as it is.
/// Changes are staged in the context; the caller saves (the import once per batch, the API once per request).
/// </summary>
public sealed class CustomerUpsert(CrmDbContext db, TimeProvider time)
{
    public async Task<IntakeResult> StageAsync(CustomerIntake row, CancellationToken ct) => (await StageAsync([row], ct))[0];

    /// <summary>Stages a batch with a handful of reads whatever its size; one result per row, in order.</summary>
    public async Task<IReadOnlyList<IntakeResult>> StageAsync(IReadOnlyList<CustomerIntake> rows, CancellationToken ct)
    {
        var batch = await StageUpdatesAsync(rows, ct);
        db.Customers.AddRange(batch.Created);
        return batch.Results;
    }

    /// <summary>
    /// The same checks, with the changes to stored customers staged, but the new customers handed back rather than
    /// added to the context: the import writes them in bulk (<see cref="Import.NewCustomerBulkWriter"/>).
    /// </summary>
    internal async Task<CustomerBatch> StageUpdatesAsync(IReadOnlyList<CustomerIntake> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var candidates = rows.Select(CheckedCustomer.From).ToList();
        var owners = await UserReferences.ResolveAsync(db, candidates.Select(c => c.Owner), ct);
        var known = await CustomerExternalIds.ResolveAsync(db, candidates.Select(c => c.ExternalId), ct);
        var knownIds = known.Values.Distinct().ToList();
        var existing = knownIds.Count == 0
            ? []
            : await db.Customers.Include(c => c.Identities).Where(c => knownIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var claimed = await ClaimedHandlesAsync(candidates, ct);

        var results = new IntakeResult[rows.Count];
        var created = new List<Customer>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            var checks = candidate.Checks;
            if (candidate.ExternalId is { } id && !seen.Add(id))
                checks.Add("externalId", $"'{FieldChecks.Cut(id)}' appears more than once");
            UserId? owner = null;
            if (candidate.Owner is { } reference)
            {
                if (owners.TryGetValue(reference, out var found) && found is { } user)
                    owner = user;
                else
                    checks.Add("owner", UserReferences.Problem(reference, owners.ContainsKey(reference)));
            }
            var customer = candidate.ExternalId is { } key && known.TryGetValue(key, out var customerId) ? existing.GetValueOrDefault(customerId) : null;
            foreach (var (kind, value, field) in candidate.Handles)
            {
                if (claimed.TryGetValue((kind, value), out var holder) && holder != customer?.Id)
                    checks.Add(field, $"'{FieldChecks.Cut(value)}' already belongs to another customer (a likely duplicate: merge them with \"duplicates\")");
            }
            if (checks.HasErrors)
            {
                results[i] = IntakeResult.Rejected(checks.Errors);
                continue;
            }

            IntakeOutcome outcome;
            if (customer is null)
            {
                customer = new Customer(CustomerId.New(), candidate.Name!, candidate.Company, candidate.Country, candidate.Language, time.GetUtcNow());
                customer.AddIdentity(IdentityKind.ExternalId, candidate.ExternalId!);
                foreach (var (kind, value, _) in candidate.Handles)
                    customer.AddIdentity(kind, value);
                customer.AssignOwner(owner);
                created.Add(customer);
                outcome = IntakeOutcome.Created;
            }
            else
            {
                outcome = Apply(customer, candidate, owner) ? IntakeOutcome.Updated : IntakeOutcome.Unchanged;
            }
            foreach (var (kind, value, _) in candidate.Handles)
                claimed[(kind, value)] = customer.Id;
            results[i] = IntakeResult.Stored(outcome, customer.Id.Value);
        }
        await WarnOfLikelyDuplicatesAsync(created, results, ct);
        return new CustomerBatch(results, created);
    }

    /// <summary>Brings a stored customer in line with the record; false when it already was.</summary>
    private static bool Apply(Customer customer, CheckedCustomer candidate, UserId? owner)
    {
        var changed = false;
        if (customer.DisplayName != candidate.Name)
        {
            customer.Rename(candidate.Name!);
            changed = true;
        }
        if (candidate.Company is not null && customer.Company != candidate.Company)
        {
            customer.MoveToCompany(candidate.Company);
            changed = true;
        }
        if (customer.Country != candidate.Country)
        {
            customer.Relocate(candidate.Country);
            changed = true;
        }
        if (customer.PreferredLanguage != candidate.Language)
        {
            customer.PreferLanguage(candidate.Language);
            changed = true;
        }
        if (owner is not null && customer.OwnerId != owner)
        {
            customer.AssignOwner(owner);
            changed = true;
        }
        foreach (var (kind, value, _) in candidate.Handles.Where(h => !customer.Identities.Any(i => i.Kind == h.Kind && i.Value == h.Value)))
        {
            customer.AddIdentity(kind, value);
            changed = true;
        }
        return changed;
    }

    /// <summary>Who holds each handle the batch names (e-mails, phones, loyalty numbers), in one read.</summary>
    private async Task<Dictionary<(IdentityKind, string), CustomerId>> ClaimedHandlesAsync(List<CheckedCustomer> candidates, CancellationToken ct)
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

    /// <summary>
    /// New customers whose folded name an existing customer already has are weighed with the <see cref="DuplicateRules"/>
    /// (one read by the name index for the whole batch, at most <see cref="LookalikesPerCustomer"/> per new customer on
    /// average, so a very common name cannot make a batch read the whole table); a likely duplicate is a warning, never a merge.
    /// </summary>
    private async Task WarnOfLikelyDuplicatesAsync(List<Customer> created, IntakeResult[] results, CancellationToken ct)
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

/// <summary>A staged batch: one result per row, in order, and the customers it creates (not yet in the context).</summary>
internal sealed record CustomerBatch(IReadOnlyList<IntakeResult> Results, IReadOnlyList<Customer> Created);
