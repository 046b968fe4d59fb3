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
        var personalKinds = PersonalContact.Kinds.ToArray();
        var history = await db.ConsentRecords.AsNoTracking().Where(c => c.CustomerId == customer.Id).ToListAsync(cancellationToken);
        var metBefore = await db.Interactions
            .AnyAsync(i => i.CustomerId == customer.Id && personalKinds.Contains(i.Kind) && i.OccurredAt <= now, cancellationToken);
        return new ConsentSubject(policies.For(customer.Country), history, metBefore);
    }
}
