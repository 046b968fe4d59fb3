using System.Diagnostics;
using ChatCrm.Domain.Offers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Bulk;
using ChatCrm.Infrastructure.Persistence.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChatCrm.Infrastructure.Seeding;

/// <summary>
/// Fills the CRM with realistic, repeatable demo data: bilingual (Spanish and English) customers from six
/// countries with their identities, two years of interactions, orders and consents; and, when the directory
/// or the catalog is empty, the demo staff and the offer catalog. Customers are generated and written in
/// chunks (one transaction each) with <see cref="BulkInserter"/>, so a million customers fit in minutes and
/// in little memory. Register with <see cref="SeedingServiceCollectionExtensions.AddDemoSeeding"/>.
/// </summary>
public sealed partial class DemoSeeder(CrmDbContext db, TimeProvider time, ILogger<DemoSeeder> logger)
{
    /// <summary>How many customers <see cref="EnsureDemoDataAsync"/> adds to an empty database.</summary>
    public const int DemoCustomerCount = 300;

    public const string CustomersStage = "customers";

    private const int CustomersPerTransaction = 5_000;

    /// <summary>
    /// Adds <see cref="SeedRequest.Customers"/> customers (and the demo users and offers if there are none yet),
    /// reporting progress after each chunk. Each chunk commits on its own: a cancelled or failed run keeps the
    /// chunks already written, and a later run continues the customer numbering after them.
    /// </summary>
    public async Task<SeedReport> SeedAsync(SeedRequest request, IProgress<SeedProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Customers);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.InteractionsPerCustomer, 1.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.InteractionsPerCustomer, SeedRequest.MaxInteractionsPerCustomer);
        var stopwatch = Stopwatch.StartNew();
        var now = WholeSeconds(time.GetUtcNow());
        LogSeeding(logger, request.Customers, request.RandomSeed);

        var (users, usersAdded) = await EnsureDirectoryAsync(ct);
        var (offers, offersAdded) = await EnsureCatalogAsync(ct);
        var firstCustomerNumber = await db.Customers.LongCountAsync(ct);
        var takenCompanyKeys = await db.Customers.Where(c => c.CompanyKey != "").Select(c => c.CompanyKey).Distinct().ToListAsync(ct);
        var generator = new DemoCustomerGenerator(request.RandomSeed, new DemoCast(users, offers), now, firstCustomerNumber, takenCompanyKeys)
        {
            InteractionsPerCustomer = request.InteractionsPerCustomer,
        };
        var searchIndex = await BulkSearchIndex.LoadAsync(db, ct);

        var totals = new SeedChunkTotals();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var inserter = new BulkInserter(db);
            await WriteCustomersAsync(generator, searchIndex, inserter, request.Customers, totals, progress, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        var report = new SeedReport(totals.Customers, totals.Identities, totals.Interactions, totals.Orders, totals.Consents,
            usersAdded, offersAdded, stopwatch.Elapsed) { OfferPresentations = totals.OfferPresentations };
        LogSeeded(logger, report.Customers, report.Interactions, report.Orders, (long)report.Elapsed.TotalMilliseconds);
        return report;
    }

    /// <summary>
    /// Gives a newcomer something to look at: seeds <see cref="DemoCustomerCount"/> customers when there are
    /// none. Returns null, changing nothing, when the database already has customers.
    /// </summary>
    public async Task<SeedReport?> EnsureDemoDataAsync(CancellationToken ct)
    {
        if (await db.Customers.AnyAsync(ct))
        {
            LogDemoDataPresent(logger);
            return null;
        }
        return await SeedAsync(new SeedRequest(DemoCustomerCount), progress: null, ct);
    }

    /// <summary>
    /// Generates the next chunk while the current one is written (generation and writing each keep one core
    /// busy), each chunk in its own transaction: parents (customers) before their children.
    /// </summary>
    private async Task WriteCustomersAsync(DemoCustomerGenerator generator, BulkSearchIndex searchIndex, BulkInserter inserter, int total,
        SeedChunkTotals totals, IProgress<SeedProgress>? progress, CancellationToken ct)
    {
        var generated = 0;
        Task<SeedChunk>? next = null;
        try
        {
            next = StartNextChunk(generator, searchIndex, total, ref generated, ct);
            while (next is not null)
            {
                var chunk = await next;
                next = StartNextChunk(generator, searchIndex, total, ref generated, ct);

                await using (var transaction = await db.Database.BeginTransactionAsync(ct))
                {
                    await inserter.InsertAsync(chunk.Customers, ct);
                    await inserter.InsertAsync(chunk.SearchWordVariants, ct);
                    await inserter.InsertAsync(chunk.SearchTerms, ct);
                    await inserter.InsertAsync(chunk.SearchPairs, ct);
                    await inserter.InsertAsync(chunk.Identities, ct);
                    await inserter.InsertAsync(chunk.Interactions, ct);
                    await inserter.InsertAsync(chunk.Orders, ct);
                    await inserter.InsertAsync(chunk.Consents, ct);
                    await inserter.InsertAsync(chunk.OfferPresentations, ct);
                    await inserter.InsertAsync(chunk.OfferAnswers, ct);
                    await transaction.CommitAsync(ct);
                }

                totals.Add(chunk);
                progress?.Report(new SeedProgress(CustomersStage, totals.Customers, total));
                LogChunkWritten(logger, totals.Customers, total);
            }
        }
        finally
        {
            if (next is not null)
                await Task.WhenAny(next); // let a chunk still being generated finish before the caller moves on
        }
    }

    /// <summary>
    /// Generated timestamps are whole seconds from here on, so every provider stores them exactly
    /// (PostgreSQL keeps microseconds, SQL Server's datetimeoffset 100 ns, SQLite our ticks).
    /// </summary>
    private static DateTimeOffset WholeSeconds(DateTimeOffset moment) =>
        new(moment.Ticks - (moment.Ticks % TimeSpan.TicksPerSecond), moment.Offset);

    private static Task<SeedChunk>? StartNextChunk(DemoCustomerGenerator generator, BulkSearchIndex searchIndex, int total, ref int generated, CancellationToken ct)
    {
        var size = Math.Min(CustomersPerTransaction, total - generated);
        if (size <= 0)
            return null;
        generated += size;
        return Task.Run(() => SeedChunk.Indexed(generator.Next(size), searchIndex), ct);
    }

    private async Task<(IReadOnlyList<User> Users, int Added)> EnsureDirectoryAsync(CancellationToken ct)
    {
        var added = 0;
        if (!await db.Users.AnyAsync(ct))
        {
            var users = DemoDirectory.Create();
            db.Users.AddRange(users);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            added = users.Count;
            LogDirectoryCreated(logger, added);
        }
        var all = await db.Users.AsNoTracking().ToListAsync(ct);
        // Sorted in memory: database collations differ, and the draws must not.
        return ([.. all.OrderBy(u => u.DisplayName, StringComparer.Ordinal).ThenBy(u => u.Id.Value)], added);
    }

    private async Task<(IReadOnlyList<DemoOffer> Offers, int Added)> EnsureCatalogAsync(CancellationToken ct)
    {
        var added = 0;
        var catalog = DemoOfferCatalog.Create();
        if (!await db.Offers.AnyAsync(ct))
        {
            db.Offers.AddRange(catalog.Select(o => o.Offer));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            added = catalog.Count;
            LogCatalogCreated(logger, added);
        }
        var stored = await db.Offers.AsNoTracking().ToListAsync(ct);
        var active = stored.Where(o => o.IsActive).ToList();
        var known = catalog.ToDictionary(o => o.Offer.ProductCode, StringComparer.Ordinal);
        var offers = (active.Count > 0 ? active : stored)
            .OrderBy(o => o.ProductCode, StringComparer.Ordinal)
            .Select(o => known.TryGetValue(o.ProductCode, out var demo) ? demo with { Offer = o } : DemoOffer.Existing(o))
            .ToList();
        return (offers, added);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeding {Customers} demo customers (random seed {RandomSeed})")]
    private static partial void LogSeeding(ILogger logger, int customers, int randomSeed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the demo directory: {Users} users")]
    private static partial void LogDirectoryCreated(ILogger logger, int users);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the demo offer catalog: {Offers} offers")]
    private static partial void LogCatalogCreated(ILogger logger, int offers);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Wrote {Done} of {Total} demo customers")]
    private static partial void LogChunkWritten(ILogger logger, long done, long total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Customers} customers, {Interactions} interactions and {Orders} orders in {ElapsedMs} ms")]
    private static partial void LogSeeded(ILogger logger, int customers, int interactions, int orders, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "The database already has customers; no demo data added")]
    private static partial void LogDemoDataPresent(ILogger logger);
}
