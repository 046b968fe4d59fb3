using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Bulk;
using ChatCrm.Infrastructure.Persistence.Search;

namespace ChatCrm.Infrastructure.Import;

/// <summary>
/// Writes the customers a batch created — with their identities and their rows in the search index — as multi-row
/// inserts instead of through the change tracker, which costs a tracked entry per row (a customer is about twenty
/// rows with its index) and was the import's bottleneck. The updates of a batch stay tracked and are saved as usual.
/// Runs inside the import's transaction.
/// </summary>
internal sealed class NewCustomerBulkWriter(CrmDbContext db) : IAsyncDisposable
{
    private BulkInserter? _inserter;
    private BulkSearchIndex? _index;

    public async Task WriteAsync(IReadOnlyList<Customer> customers, CancellationToken ct)
    {
        if (customers.Count == 0)
            return;
        if (_inserter is null)
        {
            await SqliteImportCache.EnlargeAsync(db, ct);
            _index = await BulkSearchIndex.LoadAsync(db, ct);
            _inserter = new BulkInserter(db);
        }
        var identities = customers.SelectMany(c => c.Identities).ToList();
        var search = _index!.RowsFor(customers);
        await _inserter.InsertAsync(customers, ct);
        await _inserter.InsertAsync(identities, ct);
        await _inserter.InsertSkippingExistingAsync(search.WordVariants, ct);
        await _inserter.InsertAsync(search.Terms, ct);
        await _inserter.InsertAsync(search.Pairs, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_inserter is not null)
            await _inserter.DisposeAsync();
    }
}
