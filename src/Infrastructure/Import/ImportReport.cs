namespace ChatCrm.Infrastructure.Import;

/// <summary>
/// What an import found and did: rows read, created, updated, unchanged and rejected, each problem with its line and
/// column, warnings (likely duplicates, never merged), and whether anything was written. <see cref="FileProblem"/> is
/// set when the file could not be read at all (missing, a required column absent): then no row was looked at.
/// </summary>
public sealed class ImportReport
{
    public long RowsRead { get; internal set; }

    public long Created { get; internal set; }

    public long Updated { get; internal set; }

    public long Unchanged { get; internal set; }

    public long Rejected { get; internal set; }

    public List<ImportProblem> Problems { get; } = [];

    public List<ImportProblem> Warnings { get; } = [];

    public string? FileProblem { get; internal set; }

    /// <summary>True when the changes were committed; false for a dry run, a file with bad rows (without skip-invalid) or a file problem.</summary>
    public bool Written { get; internal set; }

    public string EncodingName { get; internal set; } = string.Empty;

    public TimeSpan Elapsed { get; internal set; }

    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? RowsRead / Elapsed.TotalSeconds : 0;
}
