namespace ChatCrm.Infrastructure.Import;

/// <summary>
/// One thing wrong with the file: the line it starts on (0 for the file itself), the column as the file names it
/// (null for the whole row) and why, in plain words.
/// </summary>
public sealed record ImportProblem(long Line, string? Column, string Reason)
{
    public override string ToString() =>
        Line == 0 ? Reason : Column is null ? $"line {Line}: {Reason}" : $"line {Line}, column {Column}: {Reason}";
}
