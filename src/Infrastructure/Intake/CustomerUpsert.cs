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
        var batch = await StageUpdatesAsync(Check(rows), ct);
        db.Customers.AddRange(batch.Created);
        return batch.Results;
    }

    /// <summary>
    /// A customer a person types in (in chat): the same checks and normalising, an external id optional (one given must
    /// be free), nothing stored changed and nothing staged — reads only. The new customer (when the row is valid) is
    /// handed back for the caller to add once a person confirmed it.
    /// </summary>
    public async Task<(IntakeResult Result, Customer? Customer)> CheckNewAsync(CustomerIntake row, CancellationToken ct)
    {
        var batch = await StageUpdatesAsync(Check([row], typedIn: true), ct, typedIn: true);
        return (batch.Results[0], batch.Created.Count == 0 ? null : batch.Created[0]);
    }

    /// <summary>
    /// What can be checked of the rows without the database: fields parsed and normalised, new customers drafted.
    /// Touches no context, so the import runs it for the next batch while this one is written.
    /// </summary>
    /// <param name="typedIn">A customer a person types in, whose external id is optional.</param>
    internal IReadOnlyList<CheckedCustomer> Check(IReadOnlyList<CustomerIntake> rows, bool typedIn = false)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var now = time.GetUtcNow();
        return [.. rows.Select(row => CheckedCustomer.From(row, now, externalIdRequired: !typedIn))];
    }

    /// <summary>
    /// The checks that need the database, with the changes to stored customers staged, but the new customers handed
    /// back rather than added to the context: the import writes them in bulk (<see cref="Import.NewCustomerBulkWriter"/>).
    /// A customer typed in (<paramref name="typedIn"/>) is always new: an external id it gives that is stored is refused.
    /// </summary>
    /// <param name="namedWarnings">How many likely-duplicate warnings, in row order, name the stored customer by its
    /// external id (the rest by its id): an import lists only its first warnings and counts the others.</param>
    internal async Task<CustomerBatch> StageUpdatesAsync(IReadOnlyList<CheckedCustomer> candidates, CancellationToken ct, bool typedIn = false,
        int namedWarnings = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var owners = await UserReferences.ResolveAsync(db, candidates.Select(c => c.Owner), ct);
        var known = await CustomerExternalIds.ResolveAsync(db, candidates.Select(c => c.ExternalId), ct);
        var knownIds = known.Values.Distinct().ToList();
        var existing = knownIds.Count == 0
            ? []
            : await db.Customers.Include(c => c.Identities).Where(c => EF.Parameter(knownIds).Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var claimed = await ClaimedHandles.ResolveAsync(db, candidates, ct);

        var results = new IntakeResult[candidates.Count];
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
            if (typedIn && customer is not null)
            {
                checks.Add(new FieldError("externalId", $"'{FieldChecks.Cut(candidate.ExternalId!)}' already belongs to another customer") { HeldBy = customer.Id });
                customer = null;
            }
            foreach (var (kind, value, field) in candidate.Handles)
            {
                if (claimed.TryGetValue((kind, value), out var holder) && holder != customer?.Id)
                    checks.Add(new FieldError(field, $"'{FieldChecks.Cut(value)}' already belongs to another customer (a likely duplicate: merge them with \"duplicates\")") { HeldBy = holder });
            }
            if (checks.HasErrors)
            {
                results[i] = IntakeResult.Rejected(checks.Errors);
                continue;
            }

            IntakeOutcome outcome;
            if (customer is null)
            {
                customer = candidate.Draft!;
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
        await LikelyDuplicates.WarnAsync(db, created, results, namedWarnings, ct);
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
}

/// <summary>A staged batch: one result per row, in order, and the customers it creates (not yet in the context).</summary>
internal sealed record CustomerBatch(IReadOnlyList<IntakeResult> Results, IReadOnlyList<Customer> Created);

