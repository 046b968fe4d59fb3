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
    /// <summary>The decision for <paramref name="query"/>, every candidate ranked and read whole (with its handles).</summary>
    public Task<IdentificationDecision> IdentifyAsync(CustomerQuery query, CancellationToken cancellationToken) =>
        IdentifyAsync(query, int.MaxValue, cancellationToken);

    /// <summary>
    /// The decision for <paramref name="query"/> with at most <paramref name="shown"/> candidates (the list says more
    /// exist when it was cut). A search by words weighs up to <see cref="CustomerSearchIndex.MaxCandidates"/> customers
    /// on their name and company alone, so those are read without their handles (one narrow read, no join); only the
    /// customers the decision keeps are then read whole. Reading every candidate whole was most of a lookup's time.
    /// </summary>
    public async Task<IdentificationDecision> IdentifyAsync(CustomerQuery query, int shown, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(shown, 1);
        if (query.Problem is not null)
            return new IdentificationDecision.None();

        if (query.Handles.Count > 0)
        {
            var holders = await index.FindByHandlesAsync(query.Handles, cancellationToken);
            if (holders.Count > 0)
                return Cut(CustomerIdentification.Decide(query, await LoadAsync(holders, cancellationToken), moreExist: false), shown);
        }
        if (query.Words.Count == 0)
            return new IdentificationDecision.None();

        var found = await index.FindAsync(query.Words, cancellationToken);
        if (found.Ids.Count == 0)
            return new IdentificationDecision.None();
        // A typed handle nobody holds still counts in the weighing when a customer has it in another form: read whole.
        if (query.Handles.Count > 0)
            return Cut(CustomerIdentification.Decide(query, await LoadAsync(found.Ids, cancellationToken), found.MoreExist), shown);
        var decision = Cut(CustomerIdentification.Decide(query, await LoadBareAsync(found.Ids, cancellationToken), found.MoreExist), shown);
        return await ReadWholeAsync(decision, cancellationToken);
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

    private static IdentificationDecision Cut(IdentificationDecision decision, int shown) =>
        decision is IdentificationDecision.Candidates { Ranked.Count: var count } candidates && count > shown
            ? new IdentificationDecision.Candidates(candidates.Ranked.Take(shown).ToList(), MoreExist: true)
            : decision;

    /// <summary>The decision with its customers read whole; one erased or merged since the first read is left out.</summary>
    private async Task<IdentificationDecision> ReadWholeAsync(IdentificationDecision decision, CancellationToken cancellationToken)
    {
        IReadOnlyList<ScoredCustomer> scored = decision switch
        {
            IdentificationDecision.Exact exact => [exact.Match],
            IdentificationDecision.Candidates candidates => candidates.Ranked,
            _ => [],
        };
        if (scored.Count == 0)
            return decision;
        var whole = (await LoadAsync(scored.Select(s => s.Customer.Id).ToList(), cancellationToken)).ToDictionary(c => c.Id);
        var kept = scored.Where(s => whole.ContainsKey(s.Customer.Id)).Select(s => s with { Customer = whole[s.Customer.Id] }).ToList();
        return (decision, kept.Count) switch
        {
            (_, 0) => new IdentificationDecision.None(),
            (IdentificationDecision.Exact, _) => new IdentificationDecision.Exact(kept[0]),
            (IdentificationDecision.Candidates candidates, _) => new IdentificationDecision.Candidates(kept, candidates.MoreExist),
            _ => decision,
        };
    }

    /// <summary>
    /// Customers without their handles (the identities stay unread): enough to weigh words. Read by id alone and
    /// checked for <see cref="Usable"/> here: with the usable filter in the statement, SQLite (without statistics) read
    /// "MergedIntoId IS NULL" — nearly every customer — through that column's index instead of seeking the ids
    /// (30 ms at 100,000 customers, ten times that at a million).
    /// </summary>
    private async Task<List<Customer>> LoadBareAsync(IReadOnlyList<CustomerId> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.ToList();
        var found = await db.Customers.AsNoTracking().Where(c => wanted.Contains(c.Id)).ToListAsync(cancellationToken);
        return found.Where(c => c is { IsErased: false, MergedIntoId: null }).ToList();
    }

    private async Task<List<Customer>> LoadAsync(IReadOnlyList<CustomerId> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.ToList();
        return await Usable(db.Customers).AsNoTracking()
            .Include(c => c.Identities)
            .Where(c => wanted.Contains(c.Id))
            .ToListAsync(cancellationToken);
    }
}
