using System.Data.Common;
using ChatCrm.Domain.Customers.Identification;
using ChatCrm.Infrastructure.Persistence.Bulk;
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
        var indexed = await BackfillAsync(
            db.Customers.Where(c => !db.CustomerSearchTerms.Any(t => t.CustomerId == c.Id)),
            async (batch, inserter) =>
            {
                var terms = batch.SelectMany(c => SearchVocabulary.TermsFor(c.Id, c.Words)).ToList();
                var variants = await NewVocabularyAsync(batch.SelectMany(c => c.Words), cancellationToken);
                return async () =>
                {
                    await inserter.InsertAsync(variants, cancellationToken);
                    await inserter.InsertAsync(terms, cancellationToken);
                };
            },
            progress: null, cancellationToken);
        if (indexed > 0)
            LogBackfilled(logger, indexed);

        var paired = await BackfillAsync(
            db.Customers.Where(c => !db.CustomerSearchPairs.Any(p => p.CustomerId == c.Id)),
            (batch, inserter) =>
            {
                var pairs = batch.SelectMany(c => SearchVocabulary.PairsFor(c.Id, c.Words)).ToList();
                return Task.FromResult<Func<Task>>(() => inserter.InsertAsync(pairs, cancellationToken));
            },
            progress, cancellationToken);
        if (paired > 0)
            LogPairsBackfilled(logger, paired);
        return (int)indexed;
    }

    /// <summary>A customer missing from an index, with the words it indexes them under.</summary>
    private sealed record MissingCustomer(Domain.Customers.CustomerId Id, IReadOnlySet<string> Words);

    /// <summary>
    /// The batch loop both indexes share: the next <see cref="BatchSize"/> customers of <paramref name="missing"/> (ids
    /// first, so that the anti-join reads the narrow key index of customers, not their rows), their words, and the
    /// rows <paramref name="prepare"/> makes of them written in one transaction. A batch that clashes with a
    /// concurrent writer is looked up again, at most <see cref="MaxClashes"/> times. Returns how many were indexed.
    /// </summary>
    /// <param name="prepare">Reads what the batch needs and returns the writes to run inside its transaction.</param>
    /// <param name="progress">Told the count so far against the count missing at the start (one extra count), when given.</param>
    private async Task<long> BackfillAsync(IQueryable<Domain.Customers.Customer> missing,
        Func<List<MissingCustomer>, BulkInserter, Task<Func<Task>>> prepare, IProgress<SeedProgress>? progress, CancellationToken cancellationToken)
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
                var missingIds = await missing.Select(c => c.Id).Take(BatchSize).ToListAsync(cancellationToken);
                if (missingIds.Count == 0)
                    break;
                if (progress is not null)
                    total ??= await missing.LongCountAsync(cancellationToken);
                var batch = (await db.Customers.AsNoTracking()
                    .Where(c => missingIds.Contains(c.Id))
                    .Select(c => new { c.Id, c.NameKey, c.CompanyKey })
                    .ToListAsync(cancellationToken))
                    .Select(c => new MissingCustomer(c.Id, IndexedWords.Of(c.NameKey, c.CompanyKey)))
                    .ToList();
                var write = await prepare(batch, inserter);
                try
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    await write();
                    await transaction.CommitAsync(cancellationToken);
                }
                catch (DbException) when (++clashes <= MaxClashes)
                {
                    LogClash(logger, clashes);
                    continue;
                }
                indexed += batch.Count;
                LogBatch(logger, indexed);
                if (progress is not null)
                    progress.Report(new SeedProgress(PairStage, Math.Min(indexed, total!.Value), total.Value));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
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
    private static partial void LogBatch(ILogger logger, long indexed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index backfill: indexed {Indexed} customers that had no search terms")]
    private static partial void LogBackfilled(ILogger logger, long indexed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index backfill: indexed the word pairs of {Indexed} customers that had none")]
    private static partial void LogPairsBackfilled(ILogger logger, long indexed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index backfill: batch clashed with a concurrent writer (attempt {Attempt}); looking again")]
    private static partial void LogClash(ILogger logger, int attempt);
}
