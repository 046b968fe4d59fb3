using System.Data.Common;
using ChatCrm.Domain.Customers.Identification;
using ChatCrm.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChatCrm.Infrastructure.Persistence.Search;

/// <summary>
/// Indexes the customers that have no row in the word index, then those with no row in the pair index
/// (<see cref="CustomerSearchPair"/>): those written before an index existed, or by a bulk write that did not keep it. One anti-join on the index's customer key finds them (cheap when there are
/// none), and they are indexed in batches, each in its own transaction. Several instances may start at once:
/// a batch that clashes with one written meanwhile is simply looked up again.
/// </summary>
public sealed partial class SearchIndexBackfill(CrmDbContext db, ILogger<SearchIndexBackfill> logger)
{
    private const int BatchSize = 2_000;
    private const int MaxClashes = 5;

    /// <summary>The stage a progress bar shows while the pair index is filled.</summary>
    public const string PairStage = "indexing word pairs";

    /// <summary>Indexes every customer missing from the word index or the pair index; returns how many were missing from the word index.</summary>
    public Task<int> RunAsync(CancellationToken cancellationToken) => RunAsync(progress: null, cancellationToken);

    /// <param name="progress">Told how far the pair index's backfill is (a first run after its migration takes minutes at a million customers).</param>
    public async Task<int> RunAsync(IProgress<SeedProgress>? progress, CancellationToken cancellationToken)
    {
        var indexed = await RunTermsAsync(cancellationToken);
        await RunPairsAsync(progress, cancellationToken);
        return indexed;
    }

    private async Task<int> RunTermsAsync(CancellationToken cancellationToken)
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

    /// <summary>
    /// The pairs of the customers that have none (every customer, once, after the pair index's migration). The words
    /// are read from the customers' keys, like the word index's; a batch that clashes is looked up again.
    /// </summary>
    private async Task RunPairsAsync(IProgress<SeedProgress>? progress, CancellationToken cancellationToken)
    {
        var indexed = 0L;
        long? total = null;
        var clashes = 0;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var inserter = new BulkInserter(db);
            while (true)
            {
                var missingIds = await db.Customers
                    .Where(c => !db.CustomerSearchPairs.Any(p => p.CustomerId == c.Id))
                    .Select(c => c.Id)
                    .Take(BatchSize)
                    .ToListAsync(cancellationToken);
                if (missingIds.Count == 0)
                    break;
                total ??= await db.Customers.LongCountAsync(c => !db.CustomerSearchPairs.Any(p => p.CustomerId == c.Id), cancellationToken);
                var missing = await db.Customers.AsNoTracking()
                    .Where(c => missingIds.Contains(c.Id))
                    .Select(c => new { c.Id, c.NameKey, c.CompanyKey })
                    .ToListAsync(cancellationToken);
                var pairs = missing.SelectMany(c => SearchVocabulary.PairsFor(c.Id, IndexedWords.Of(c.NameKey, c.CompanyKey))).ToList();
                try
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    await inserter.InsertAsync(pairs, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }
                catch (DbException) when (++clashes <= MaxClashes)
                {
                    LogClash(logger, clashes);
                    continue;
                }
                indexed += missing.Count;
                progress?.Report(new SeedProgress(PairStage, Math.Min(indexed, total.Value), total.Value));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        if (indexed > 0)
            LogPairsBackfilled(logger, indexed);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index backfill: indexed the word pairs of {Indexed} customers that had none")]
    private static partial void LogPairsBackfilled(ILogger logger, long indexed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index backfill: batch clashed with a concurrent writer (attempt {Attempt}); looking again")]
    private static partial void LogClash(ILogger logger, int attempt);
}
