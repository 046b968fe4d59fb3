using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Consents;

/// <summary>
/// Reads what the consent rule needs about one customer: their country's policy, their whole consent history,
/// and whether a visit, call or meeting was logged before <c>now</c> (some countries need one before marketing e-mail).
/// </summary>
public sealed class ConsentSubjectReader(CrmDbContext db, ConsentPolicyTable policies)
{
    public async Task<ConsentSubject> ReadAsync(Customer customer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return (await ReadManyAsync([customer], now, cancellationToken))[customer.Id];
    }

    /// <summary>The consent subjects of several customers in two statements (their histories, and who was met before).</summary>
    public async Task<Dictionary<CustomerId, ConsentSubject>> ReadManyAsync(IReadOnlyList<Customer> customers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customers);
        if (customers.Count == 0)
            return [];
        var ids = customers.Select(c => c.Id).ToList();
        var personalKinds = PersonalContact.Kinds.ToArray();
        var histories = (await db.ConsentRecords.AsNoTracking().Where(c => ids.Contains(c.CustomerId)).ToListAsync(cancellationToken))
            .ToLookup(c => c.CustomerId);
        var metBefore = (await db.Interactions
            .Where(i => ids.Contains(i.CustomerId) && personalKinds.Contains(i.Kind) && i.OccurredAt <= now)
            .Select(i => i.CustomerId)
            .Distinct()
            .ToListAsync(cancellationToken)).ToHashSet();
        return customers.DistinctBy(c => c.Id).ToDictionary(c => c.Id,
            c => new ConsentSubject(policies.For(c.Country), histories[c.Id].ToList(), metBefore.Contains(c.Id)));
    }
}
