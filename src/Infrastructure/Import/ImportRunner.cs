using System.Diagnostics;
using System.Globalization;
using ChatCrm.Infrastructure.Intake;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Import;

/// <summary>
/// Imports one file of users, customers, orders, consents or offers through the write services, streamed in batches:
/// each batch is read and checked as far as it can be without the database (on another thread, a batch or two ahead:
/// <see cref="ImportBatchReader"/>), then staged and saved, and the change tracker cleared, so memory stays flat
/// however long the file. Everything happens in one transaction, committed only when the run is not a dry run and either no
/// row was bad or bad rows may be skipped: without <see cref="ImportRequest.SkipInvalid"/> one bad row means nothing
/// is written. The same file twice changes nothing (every record is upserted by its key). Bad data is reported, line
/// and column, never thrown.
/// </summary>
public sealed class ImportRunner(CrmDbContext db, UserDirectoryUpsert users, CustomerUpsert customers, OrderRecorder orders,
    ConsentRecorder consents, OfferCatalogUpsert offers)
{
    public async Task<ImportReport> RunAsync(ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var report = new ImportReport();
        var clock = Stopwatch.StartNew();
        if (!File.Exists(request.FilePath))
        {
            report.FileProblem = $"There is no file {request.FilePath}.";
            return report;
        }
        var format = request.ResolvedFormat;
        var columns = ImportColumns.For(request.Kind);
        ImportFileSurvey survey;
        await using (var bytes = File.OpenRead(request.FilePath))
            survey = ImportFileSurvey.Inspect(bytes, format, request.Encoding);
        report.EncodingName = survey.Encoding.CodePage == 1252 ? "windows-1252" : "utf-8";

        using var text = new StreamReader(request.FilePath, survey.Encoding, detectEncodingFromByteOrderMarks: false);
        SkipByteOrderMark(text);
        using var csv = format == ImportFormat.Csv ? OpenCsv(text, survey.Separator, columns, report) : null;
        if (report.FileProblem is not null)
            return report;
        var records = csv?.Read() ?? new JsonLinesRecordReader(text, columns).Read();
        string ColumnOf(string field) => csv?.ColumnOf(field) ?? field;
        using var rejects = request.RejectsPath is null ? null : new RejectsFile(request.RejectsPath, format, survey.Separator, csv?.HeaderLine);

        var bad = false;
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await using var newCustomers = new NewCustomerBulkWriter(db);
        await using var newRows = new NewRowBulkWriter(db);
        var target = TargetFor(request.Kind, newCustomers, newRows, report);
        await using var reader = ImportBatchReader.Start(records, target, ColumnOf, request.BatchSize, ct);
        await foreach (var batch in reader.ReadAllAsync(ct))
        {
            report.RowsRead += batch.RecordCount;
            foreach (var (record, problem) in batch.Rejected)
                Reject(record, [problem]);
            var results = await target.StageAsync(batch.Checked, request.Historical, ct);
            for (var i = 0; i < batch.Readable.Count; i++)
                Count(batch.Readable[i], results[i]);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            progress?.Report(new ImportProgress(Stage(request), report.RowsRead, Math.Max(report.RowsRead, survey.Records)));
        }
        if (request.DryRun || (bad && !request.SkipInvalid))
        {
            await transaction.RollbackAsync(ct);
        }
        else
        {
            await transaction.CommitAsync(ct);
            report.Written = true;
        }
        report.Elapsed = clock.Elapsed;
        return report;

        void Count(ImportRecord record, IntakeResult result)
        {
            switch (result.Outcome)
            {
                case IntakeOutcome.Created:
                    report.Created++;
                    break;
                case IntakeOutcome.Updated:
                    report.Updated++;
                    break;
                case IntakeOutcome.Unchanged:
                    report.Unchanged++;
                    break;
                default:
                    Reject(record, [.. result.Errors.Select(e => new ImportProblem(record.Line, ColumnOf(e.Field), e.Message))]);
                    return;
            }
            foreach (var warning in result.Warnings)
                report.AddWarning(new ImportProblem(record.Line, null, warning));
        }

        void Reject(ImportRecord record, IReadOnlyList<ImportProblem> problems)
        {
            bad = true;
            report.Rejected++;
            foreach (var problem in problems)
                report.AddProblem(problem);
            rejects?.Write(record, problems);
        }
    }

    private static string Stage(ImportRequest request) =>
        string.Create(CultureInfo.InvariantCulture, $"{(request.DryRun ? "checking" : "importing")} {request.Kind.ToString().ToLowerInvariant()}");

    private IImportTarget TargetFor(ImportKind kind, NewCustomerBulkWriter newCustomers, NewRowBulkWriter newRows, ImportReport report) => kind switch
    {
        ImportKind.Users => new UserImportTarget(users),
        ImportKind.Customers => new CustomerImportTarget(customers, newCustomers, report),
        ImportKind.Orders => new OrderImportTarget(db, orders, newRows),
        ImportKind.Consents => new ConsentImportTarget(consents, newRows),
        _ => new OfferImportTarget(offers),
    };

    /// <summary>Opens the CSV reader and checks its header: a required column missing is a problem of the file, before any row.</summary>
    private static CsvRecordReader? OpenCsv(TextReader text, char separator, ImportColumns columns, ImportReport report)
    {
        var csv = new CsvRecordReader(text, separator, columns);
        var found = csv.Headers.Select(columns.FieldOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var missing = columns.Required.Where(f => !found.Contains(f)).ToList();
        if (missing.Count > 0)
        {
            report.FileProblem = $"The file has no column for {string.Join(", ", missing)} (its header: {string.Join(separator, csv.Headers.Select(h => FieldChecks.Cut(h)))}; expected: {string.Join(", ", columns.Fields)}).";
            csv.Dispose();
            return null;
        }
        foreach (var unknown in csv.Headers.Where(h => columns.FieldOf(h) is null))
            report.AddWarning(new ImportProblem(0, FieldChecks.Cut(unknown), $"The column '{FieldChecks.Cut(unknown)}' is not one this import reads; it was ignored."));
        return csv;
    }

    private static void SkipByteOrderMark(StreamReader text)
    {
        if (text.Peek() == '\uFEFF')
            text.Read();
    }
}
