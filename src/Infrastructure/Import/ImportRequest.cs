namespace ChatCrm.Infrastructure.Import;

/// <summary>
/// One run of the import: what the file holds, where it is, how it is written (null format: by its extension,
/// <c>.jsonl</c>/<c>.ndjson</c> are JSON Lines) and what to do with it. <see cref="DryRun"/> checks and counts and writes
/// nothing; without <see cref="SkipInvalid"/> one bad row means nothing is written; <see cref="RejectsPath"/> receives
/// every bad row with its reason; <see cref="Historical"/> orders queue no offer suggestion.
/// </summary>
public sealed record ImportRequest(
    ImportKind Kind,
    string FilePath,
    ImportFormat? Format = null,
    ImportEncoding Encoding = ImportEncoding.Detect,
    bool DryRun = false,
    bool SkipInvalid = false,
    string? RejectsPath = null,
    bool Historical = false,
    int BatchSize = ImportRequest.DefaultBatchSize)
{
    public const int DefaultBatchSize = 2_000;

    public ImportFormat ResolvedFormat => Format ?? (Path.GetExtension(FilePath).ToUpperInvariant() is ".JSONL" or ".NDJSON" ? ImportFormat.JsonLines : ImportFormat.Csv);
}
