namespace ChatCrm.Infrastructure.Import;

/// <summary>
/// One record as read from the file: the line it starts on, its text as written (for the rejects file), its values
/// by field name (see <see cref="ImportColumns"/>), and, when the record itself cannot be read (bad JSON, a wrong
/// number of columns, bytes that are not text), why.
/// </summary>
public sealed record ImportRecord(long Line, string Raw, IReadOnlyDictionary<string, string?> Values, string? Problem = null)
{
    public string? this[string field] => Values.GetValueOrDefault(field);
}
