using System.Data.Common;
using System.Diagnostics;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Tiers;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Bulk;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatCrm.Infrastructure.Tiers;

/// <summary>
/// Recalculates every customer's value tier, figures and needs segment in one transaction, so readers see the
/// previous run or this one, never half of each. The work is set-based: one aggregate query groups the orders
/// per customer in the database (converted to the reporting currency there) and returns customers most valuable
/// first with the grand total; that stream goes once through the domain's <see cref="ParetoTierAssigner"/>; the
/// results replace the <c>CustomerValues</c> table with multi-row inserts, tier changes are appended only where
/// the tier moved, and needs are brought up to date by one set-based <c>DELETE</c> and one <c>INSERT … SELECT</c>. No statement is issued per customer.
/// <para>
/// Results are buffered as compact structs between reading and writing (about 80 bytes a customer) because
/// PostgreSQL cannot write on a connection while a reader is open on it, and the write must share the read's
/// transaction. A second run started meanwhile is refused (see <see cref="TierRecalculationLock"/>).
/// </para>
/// </summary>
public sealed partial class TierRecalculation(CrmDbContext db, IOptions<TierOptions> options, TimeProvider time, ILogger<TierRecalculation> logger)
{
    public const string SummingStage = "summing orders";
    public const string AssigningStage = "assigning tiers";
    public const string WritingStage = "writing tiers";
    public const string ChangesStage = "recording changes";
    public const string NeedsStage = "needs segments";

    private const int RowsPerBatch = 5_000;
    private const int ReportEvery = 10_000;
    private static readonly TimeSpan StatementTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Recalculates all tiers now; throws <see cref="TierRecalculationBusyException"/> when another run holds the database.</summary>
    public async Task<TierRecalculationReport> RecalculateAsync(IProgress<TierProgress>? progress, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        var settings = options.Value;
        var thresholds = settings.ToThresholds();
        var rates = settings.ToExchangeRates();
        var now = WholeMilliseconds(time.GetUtcNow());
        var window = ValueWindow.TrailingYear(now);
        var sql = new TierSql(db);
        LogStarting(logger, rates.ReportingCurrency, window.Since, window.Until);

        var previousTimeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(StatementTimeout);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await TierRecalculationLock.BeginAsync(db, ct);
            var customers = await db.Customers.LongCountAsync(ct);
            progress?.Report(new TierProgress(SummingStage, 0, customers));

            var result = await AssignAsync(sql, transaction.GetDbTransaction(), window, rates, thresholds, customers, progress, ct);
            await WriteValuesAsync(result.Rows, rates.ReportingCurrency, now, progress, ct);
            await WriteChangesAsync(result.Rows, result.Changes, rates.ReportingCurrency, now, progress, ct);
            await WriteNeedsAsync(sql, transaction.GetDbTransaction(), window, customers, progress, ct);
            await transaction.CommitAsync(ct);

            var report = new TierRecalculationReport(result.Rows.Count,
                [.. Enum.GetValues<ValueTier>().OrderDescending().Select(t => new TierTally(t, result.Counts[(int)t], result.Values[(int)t]))],
                result.Total, rates.ReportingCurrency, result.Changes, result.Unconverted, now, stopwatch.Elapsed);
            LogFinished(logger, report.Customers, report.Changes, report.UnconvertedOrders, (long)report.Elapsed.TotalMilliseconds);
            return report;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
            db.Database.SetCommandTimeout(previousTimeout);
        }
    }

    private static async Task<Assignment> AssignAsync(TierSql sql, DbTransaction transaction, ValueWindow window, ExchangeRates rates,
        TierThresholds thresholds, long customers, IProgress<TierProgress>? progress, CancellationToken ct)
    {
        var result = new Assignment(new List<TierRow>((int)Math.Min(customers, int.MaxValue)));
        await using var command = sql.Figures(transaction.Connection!, window, rates);
        command.Transaction = transaction;
        command.CommandTimeout = (int)StatementTimeout.TotalSeconds;
        await using var reader = await command.ExecuteReaderAsync(ct);
        ParetoTierAssigner? assigner = null;
        while (await reader.ReadAsync(ct))
        {
            var value = sql.ReadMoney(reader, 2);
            if (assigner is null)
            {
                result.Total = sql.ReadMoney(reader, 6);
                assigner = new ParetoTierAssigner(result.Total, thresholds);
            }
            var tier = assigner.Next(value);
            var previous = reader.IsDBNull(1) ? null : Enum.TryParse<ValueTier>(reader.GetString(1), out var parsed) ? parsed : (ValueTier?)null;
            var row = new TierRow(reader.GetGuid(0), value, Convert.ToInt32(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture),
                sql.ReadMoment(reader, 4), tier, previous);
            result.Rows.Add(row);
            result.Counts[(int)tier]++;
            result.Values[(int)tier] += value;
            result.Unconverted += Convert.ToInt64(reader.GetValue(5), System.Globalization.CultureInfo.InvariantCulture);
            if (previous != tier)
                result.Changes++;
            if (result.Rows.Count % ReportEvery == 0)
                progress?.Report(new TierProgress(AssigningStage, result.Rows.Count, customers));
        }
        progress?.Report(new TierProgress(AssigningStage, result.Rows.Count, result.Rows.Count));
        return result;
    }

    /// <summary>Replaces every <c>CustomerValues</c> row: one set-based delete, then multi-row inserts in batches.</summary>
    private async Task WriteValuesAsync(List<TierRow> rows, string currency, DateTimeOffset now, IProgress<TierProgress>? progress, CancellationToken ct)
    {
        await db.CustomerValues.ExecuteDeleteAsync(ct);
        await using var inserter = new BulkInserter(db);
        var batch = new List<CustomerValue>(RowsPerBatch);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            batch.Add(new CustomerValue(new CustomerFigures(new CustomerId(row.CustomerId), row.Value, row.Orders, row.LastOrderAt, 0), row.Tier, currency, now));
            if (batch.Count == RowsPerBatch || i == rows.Count - 1)
            {
                await inserter.InsertAsync(batch, ct);
                batch.Clear();
                progress?.Report(new TierProgress(WritingStage, i + 1, rows.Count));
            }
        }
    }

    /// <summary>Appends a change for each customer whose tier moved (or who got a first tier), in batches.</summary>
    private async Task WriteChangesAsync(List<TierRow> rows, long changes, string currency, DateTimeOffset now, IProgress<TierProgress>? progress, CancellationToken ct)
    {
        await using var inserter = new BulkInserter(db);
        var batch = new List<TierChange>(RowsPerBatch);
        long written = 0;
        progress?.Report(new TierProgress(ChangesStage, 0, changes));
        foreach (var row in rows)
        {
            if (TierChange.Detect(new CustomerId(row.CustomerId), row.Previous, row.Tier, now, row.Value, currency) is not { } change)
                continue;
            batch.Add(change);
            if (batch.Count == RowsPerBatch)
                written += await FlushAsync();
        }
        written += await FlushAsync();
        await QueueOfferTriggersAsync(rows, now, ct);

        async Task<int> FlushAsync()
        {
            var count = await inserter.InsertAsync(batch, ct);
            batch.Clear();
            progress?.Report(new TierProgress(ChangesStage, written + count, changes));
            return count;
        }
    }

    /// <summary>A move up or down queues an offer suggestion for the owning rep, in this transaction (see <see cref="Offers.OfferTriggerUpkeep"/>).</summary>
    private async Task QueueOfferTriggersAsync(List<TierRow> rows, DateTimeOffset now, CancellationToken ct)
    {
        var moves = rows.Select(r => (Customer: new CustomerId(r.CustomerId), Trigger: Domain.Offers.OfferTriggerRules.TierChanged(r.Previous, r.Tier)))
            .Where(m => m.Trigger is not null).Select(m => (m.Customer, m.Trigger!)).ToList();
        foreach (var chunk in moves.Chunk(500))
        {
            await Offers.OfferTriggerUpkeep.QueueAsync(db, chunk, now, ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    private static async Task WriteNeedsAsync(TierSql sql, DbTransaction transaction, ValueWindow window, long customers, IProgress<TierProgress>? progress, CancellationToken ct)
    {
        progress?.Report(new TierProgress(NeedsStage, 0, customers));
        foreach (var command in sql.UpdateNeeds(transaction.Connection!, window))
        {
            await using (command)
            {
                command.Transaction = transaction;
                command.CommandTimeout = (int)StatementTimeout.TotalSeconds;
                await command.ExecuteNonQueryAsync(ct);
            }
        }
        progress?.Report(new TierProgress(NeedsStage, customers, customers));
    }

    /// <summary>PostgreSQL keeps microseconds and SQL Server 100 ns: a whole millisecond reads back the same everywhere.</summary>
    private static DateTimeOffset WholeMilliseconds(DateTimeOffset moment) =>
        new(moment.UtcTicks - (moment.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    /// <summary>One customer's result, kept small: a million of them fit in well under 100 MB.</summary>
    private readonly record struct TierRow(Guid CustomerId, decimal Value, int Orders, DateTimeOffset? LastOrderAt, ValueTier Tier, ValueTier? Previous);

    private sealed class Assignment(List<TierRow> rows)
    {
        public List<TierRow> Rows { get; } = rows;

        public long[] Counts { get; } = new long[4];

        public decimal[] Values { get; } = new decimal[4];

        public decimal Total { get; set; }

        public long Changes { get; set; }

        public long Unconverted { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recalculating value tiers in {Currency} for orders from {Since} to {Until}")]
    private static partial void LogStarting(ILogger logger, string currency, DateTimeOffset since, DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recalculated value tiers of {Customers} customers: {Changes} tier changes, {Unconverted} orders left out for want of an exchange rate, {ElapsedMs} ms")]
    private static partial void LogFinished(ILogger logger, long customers, long changes, long unconverted, long elapsedMs);
}
