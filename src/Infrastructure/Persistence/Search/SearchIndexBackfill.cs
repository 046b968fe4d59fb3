using System.Data.Common;
using ChatCrm.Domain.Customers.Identification;
using ChatCrm.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChatCrm.Infrastructure.Persistence.Search;

/// <summary>
/// Indexes the customers that have no row in the word index: those written before the index existed, or by a
/// bulk write that did not keep it. One anti-join on the index's customer key finds them (cheap when there are
/// none), and they are indexed in batches, each in its own transaction. Several instances may start at once:
/// a batch that clashes with one written meanwhile is simply looked up again.
/// </summary>
public sealed partial class SearchIndexBackfill(CrmDbContext db, ILogger<SearchIndexBackfill> logger)
{
    private const int BatchSize = 2_000;
    private const int MaxClashes = 5;

    /// <summary>Indexes every customer missing from the index; returns how many were indexed.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var indexed = 0;
        var clashes = 0;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var inserter = new BulkInserter(db);
            while (true)
            {
                // Ids only, so that the anti-join reads the narrow key index of customers, not their rows.
                var missingIds = await db.Customers
                    .Where(c => !db.CustomerSearchTerms.Any(t => t.CustomerId == c.Id))
                    .Select(c => c.Id)
                    .Take(BatchSize)
                    .ToListAsync(cancellationToken);
                if (missingIds.Count == 0)
                    break;
                var missing = await db.Customers.AsNoTracking()
                    .Where(c => missingIds.Contains(c.Id))
                    .Select(c => new { c.Id, c.NameKey, c.CompanyKey })
                    .ToListAsync(cancellationToken);

                var words = missing.ToDictionary(c => c.Id, c => IndexedWords.Of(c.NameKey, c.CompanyKey));
                var terms = words.SelectMany(c => SearchVocabulary.TermsFor(c.Key, c.Value)).ToList();
                var variants = await NewVocabularyAsync(words.Values.SelectMany(w => w), cancellationToken);
                try
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    await inserter.InsertAsync(variants, cancellationToken);
                    await inserter.InsertAsync(terms, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }
                catch (DbException) when (++clashes <= MaxClashes)
                {
                    LogClash(logger, clashes);
                    continue;
                }
                indexed += missing.Count;
                LogBatch(logger, indexed);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        if (indexed > 0)
            LogBackfilled(logger, indexed);
        return indexed;
    }

    private async Task<List<SearchWordVariant>> NewVocabularyAsync(IEnumerable<string> words, CancellationToken cancellationToken)
    {
        var wanted = words.Distinct(StringComparer.Ordinal).ToList();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in wanted.Chunk(500))
        {
            var batch = chunk.ToList();
            known.UnionWith(await db.SearchWordVariants.AsNoTracking()
                .Where(v => batch.Contains(v.Variant) && v.Variant == v.Word)
                .Select(v => v.Word)
                .ToListAsync(cancellationToken));
        }
        return wanted.Where(w => !known.Contains(w)).SelectMany(SearchVocabulary.RowsFor).ToList();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Search index backfill: {Indexed} customers indexed so far")]
    private static partial void LogBatch(ILogger logger, int indexed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index backfill: indexed {Indexed} customers that had no search terms")]
    private static partial void LogBackfilled(ILogger logger, int indexed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index backfill: batch clashed with a concurrent writer (attempt {Attempt}); looking again")]
    private static partial void LogClash(ILogger logger, int attempt);
}
