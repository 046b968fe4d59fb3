using System.Globalization;

namespace ChatCrm.Bot.Features.Import;

/// <summary>
/// The summary an import prints: rows read, created, updated, unchanged, rejected, the first bad rows with their line, column
/// and reason, the likely duplicates (never merged), and whether anything was written and why not. Invariant culture,
/// so logs read the same everywhere.
/// </summary>
internal static class ImportReportText
{
    /// <summary>How many bad rows and notes are printed; the counts cover them all, and the rejects file holds every bad row.</summary>
    private const int ProblemsPrinted = 50;

    private const int NotesPrinted = 20;

    public static async Task WriteAsync(Infrastructure.Import.ImportReport report, Infrastructure.Import.ImportRequest request, TextWriter output)
    {
        var culture = CultureInfo.InvariantCulture;
        if (report.FileProblem is not null)
        {
            await output.WriteLineAsync($"Nothing was imported: {report.FileProblem}");
            return;
        }
        var what = request.Kind.ToString().ToLowerInvariant();
        var verb = request.DryRun ? "would be" : "were";
        await output.WriteLineAsync(string.Create(culture,
            $"Read {report.RowsRead:N0} {what} rows ({report.EncodingName}) in {report.Elapsed:hh\\:mm\\:ss\\.f}, {report.RowsPerSecond:N0} rows/s."));
        await output.WriteLineAsync(string.Create(culture,
            $"{(request.DryRun ? "To create" : "Created")}: {report.Created:N0} · {(request.DryRun ? "to update" : "updated")}: {report.Updated:N0} · unchanged: {report.Unchanged:N0} · bad rows: {report.Rejected:N0}"));
        foreach (var problem in report.Problems.OrderBy(p => p.Line).Take(ProblemsPrinted))
            await output.WriteLineAsync($"  {problem}");
        if (report.ProblemCount > ProblemsPrinted)
            await output.WriteLineAsync(string.Create(culture, $"  … and {report.ProblemCount - ProblemsPrinted:N0} more problems{(request.RejectsPath is null ? " (--rejects <file> writes every bad row with its reasons)" : "")}."));
        foreach (var warning in report.Warnings.Take(NotesPrinted))
            await output.WriteLineAsync($"  note: {warning}");
        if (report.WarningCount > NotesPrinted)
            await output.WriteLineAsync(string.Create(culture,
                $"  … and {report.WarningCount - NotesPrinted:N0} more notes (a likely duplicate is reviewed and merged in chat: duplicates <customer>)."));
        if (request.RejectsPath is not null && report.Rejected > 0)
            await output.WriteLineAsync($"The bad rows, with their reasons, {verb} written to {request.RejectsPath}.");
        if (report.Written)
            await output.WriteLineAsync(report.Rejected > 0 ? "The good rows were written; the bad ones were skipped." : "Done: the changes were written.");
        else if (request.DryRun)
            await output.WriteLineAsync("Dry run: nothing was written.");
        else
            await output.WriteLineAsync("Nothing was written: fix the bad rows, or run again with --skip-invalid to write the good ones.");
    }
}
