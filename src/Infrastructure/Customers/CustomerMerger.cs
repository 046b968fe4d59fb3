using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Customers.Merging;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Customers;

/// <summary>
/// Loads two records of the same customer, lets <see cref="CustomerMerge"/> fold one into the other, and stages
/// every change (moved rows, restated consents, the merge record) on the context, to be saved by the caller in
/// one transaction with its audit entry. Every row carries a concurrency token, so a merge that races another
/// change to either record fails as a whole instead of half-applying.
/// </summary>
public sealed class CustomerMerger(CrmDbContext db)
{
    /// <returns>The outcome, or null when either record does not exist.</returns>
    public async Task<MergeOutcome?> StageAsync(CustomerId survivorId, CustomerId duplicateId, UserId mergedBy, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var survivor = await LoadAsync(survivorId, cancellationToken);
        var duplicate = await LoadAsync(duplicateId, cancellationToken);
        if (survivor is null || duplicate is null)
            return null;

        var outcome = CustomerMerge.Merge(survivor, duplicate, mergedBy, at);
        db.ConsentRecords.AddRange(outcome.AddedConsents);
        db.CustomerMerges.Add(outcome.Record);
        return outcome;
    }

    private async Task<CustomerFile?> LoadAsync(CustomerId id, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.Include(c => c.Identities).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (customer is null)
            return null;
        return new CustomerFile(customer,
            await db.Interactions.IgnoreQueryFilters().Where(i => i.CustomerId == id).ToListAsync(cancellationToken),
            await db.Orders.Where(o => o.CustomerId == id).ToListAsync(cancellationToken),
            await db.ConsentRecords.Where(c => c.CustomerId == id).ToListAsync(cancellationToken));
    }
}
