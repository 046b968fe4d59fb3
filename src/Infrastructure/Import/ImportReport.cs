namespace ChatCrm.Infrastructure.Import;

/// <summary>
/// What an import found and did: rows read, created, updated, unchanged and rejected, each problem with its line and
/// column, warnings (likely duplicates, never merged), and whether anything was written. <see cref="FileProblem"/> is
/// set when the file could not be read at all (missing, a required column absent): then no row was looked at.
/// The first <see cref="MaxListed"/> problems and warnings are kept with their lines (so a file of a million bad rows
/// keeps memory flat); the counts are of all of them, and the rejects file holds every bad row.
/// </summary>
public sealed class ImportReport
{
    public long RowsRead { get; internal set; }

    public long Created { get; internal set; }

    public long Updated { get; internal set; }

    public long Unchanged { get; internal set; }

    public long Rejected { get; internal set; }

    /// <summary>How many problems and warnings are kept with their lines.</summary>
    public const int MaxListed = 1_000;

    private readonly List<ImportProblem> _problems = [];
    private readonly List<ImportProblem> _warnings = [];

    /// <summary>The first <see cref="MaxListed"/> problems of the bad rows.</summary>
    public IReadOnlyList<ImportProblem> Problems => _problems;

    /// <summary>All problems, listed or not.</summary>
    public long ProblemCount { get; private set; }

    /// <summary>The first <see cref="MaxListed"/> warnings (likely duplicates, ignored columns).</summary>
    public IReadOnlyList<ImportProblem> Warnings => _warnings;

    /// <summary>All warnings, listed or not.</summary>
    public long WarningCount { get; private set; }

    internal void AddProblem(ImportProblem problem)
    {
        ProblemCount++;
        if (_problems.Count < MaxListed)
            _problems.Add(problem);
    }

    /// <summary>How many more warnings will be kept with their lines; any after those are only counted.</summary>
    internal int WarningsStillListed => MaxListed - _warnings.Count;

    internal void AddWarning(ImportProblem warning)
    {
        WarningCount++;
        if (_warnings.Count < MaxListed)
            _warnings.Add(warning);
    }

    public string? FileProblem { get; internal set; }

    /// <summary>True when the changes were committed; false for a dry run, a file with bad rows (without skip-invalid) or a file problem.</summary>
    public bool Written { get; internal set; }

    public string EncodingName { get; internal set; } = string.Empty;

    public TimeSpan Elapsed { get; internal set; }

    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? RowsRead / Elapsed.TotalSeconds : 0;
}
