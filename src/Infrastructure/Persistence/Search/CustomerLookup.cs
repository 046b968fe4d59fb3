using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Customers.Identification;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Persistence.Search;

/// <summary>
/// Answers "which customer?" for a parsed query against the database: handles through the unique
/// (Kind, Value) index of identities, words through <see cref="CustomerSearchIndex"/>; the customers found are
/// loaded with their handles and the decision is the domain's (<see cref="CustomerIdentification"/>).
/// Customers are read untracked: identifying someone changes nothing.
/// </summary>
public sealed class CustomerLookup(CrmDbContext db, CustomerSearchIndex index)
{
    public async Task<IdentificationDecision> IdentifyAsync(CustomerQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Problem is not null)
            return new IdentificationDecision.None();

        if (query.Handles.Count > 0)
        {
            var holders = await index.FindByHandlesAsync(query.Handles, cancellationToken);
            if (holders.Count > 0)
                return CustomerIdentification.Decide(query, await LoadAsync(holders, cancellationToken), moreExist: false);
        }
        if (query.Words.Count == 0)
            return new IdentificationDecision.None();

        var found = await index.FindAsync(query.Words, cancellationToken);
        if (found.Ids.Count == 0)
            return new IdentificationDecision.None();
        return CustomerIdentification.Decide(query, await LoadAsync(found.Ids, cancellationToken), found.MoreExist);
    }

    /// <summary>
    /// Other usable customers whose name and company share the words of <paramref name="customer"/>'s (a slip or two
    /// allowed), whoever they are: the raw candidates a duplicate check weighs, not a decision.
    /// </summary>
    public async Task<IReadOnlyList<Customer>> LookalikesAsync(Customer customer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var query = CustomerQuery.Parse(customer.Company is { } company ? $"{customer.DisplayName}, {company}" : customer.DisplayName, null);
        if (query.Words.Count == 0)
            return [];
        var found = await index.FindAsync(query.Words, cancellationToken);
        return (await LoadAsync(found.Ids, cancellationToken)).Where(c => c.Id != customer.Id).ToList();
    }

    /// <summary>
    /// The customer with this id when it can be worked with (see <see cref="Usable"/>); a record merged into
    /// another leads to the one it was merged into, so old cards and buttons keep working. Otherwise null.
    /// </summary>
    public async Task<Customer?> GetAsync(CustomerId id, CancellationToken cancellationToken)
    {
        // One read in the usual case; a second only for a tombstone, to follow it to its survivor.
        var customer = await db.Customers.AsNoTracking().Include(c => c.Identities).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (customer?.MergedIntoId is { } survivor)
            customer = await db.Customers.AsNoTracking().Include(c => c.Identities).FirstOrDefaultAsync(c => c.Id == survivor, cancellationToken);
        return customer is { IsErased: false, MergedIntoId: null } ? customer : null;
    }

    /// <summary>
    /// The customers a conversation may name: not erased, and not merged into another record (the query form of
    /// the rule <see cref="GetAsync"/> applies to one record), so that no search or choice offers a customer that is gone.
    /// </summary>
    public static IQueryable<Customer> Usable(IQueryable<Customer> customers) =>
        customers.Where(c => c.ErasedAt == null && c.MergedIntoId == null);

    private async Task<List<Customer>> LoadAsync(IReadOnlyList<CustomerId> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.ToList();
        return await Usable(db.Customers).AsNoTracking()
            .Include(c => c.Identities)
            .Where(c => wanted.Contains(c.Id))
            .ToListAsync(cancellationToken);
    }
}
