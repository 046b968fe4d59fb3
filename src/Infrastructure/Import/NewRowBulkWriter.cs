using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Bulk;

namespace ChatCrm.Infrastructure.Import;

/// <summary>
/// Writes the new rows of a batch that have nothing attached to them (orders, consent statements) straight into their
/// table through the bulk inserter: one prepared statement per table bound by position on SQLite, multi-row
/// statements elsewhere, nothing tracked. Runs inside the import's transaction; the first write enlarges the SQLite
/// page cache as the customer import does (<see cref="SqliteImportCache"/>).
/// </summary>
internal sealed class NewRowBulkWriter(CrmDbContext db) : IAsyncDisposable
{
    private BulkInserter? _inserter;

    public async Task WriteAsync<TEntity>(IReadOnlyList<TEntity> rows, CancellationToken ct) where TEntity : class
    {
        if (rows.Count == 0)
            return;
        if (_inserter is null)
        {
            await SqliteImportCache.EnlargeAsync(db, ct);
            _inserter = new BulkInserter(db);
        }
        await _inserter.InsertAsync(rows, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_inserter is not null)
            await _inserter.DisposeAsync();
    }
}
