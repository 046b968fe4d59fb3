namespace ChatCrm.Infrastructure.Import;

/// <summary>
/// The fields each kind of file has, named as the write services name them (<c>externalId</c>, <c>customerExternalId</c>…);
/// a header matches whatever its case and punctuation (<c>external_id</c>, <c>External ID</c>). A few plain aliases
/// (<c>date</c>) are accepted. Required fields must have a column; unknown columns are reported and ignored.
/// </summary>
public sealed class ImportColumns
{
    private readonly Dictionary<string, string> _fieldsByKey;

    private ImportColumns(IReadOnlyList<string> fields, IReadOnlyList<string> required, IReadOnlyDictionary<string, string>? aliases = null)
    {
        Fields = fields;
        Required = required;
        _fieldsByKey = fields.ToDictionary(Key, f => f, StringComparer.Ordinal);
        foreach (var (alias, field) in aliases ?? new Dictionary<string, string>())
            _fieldsByKey[Key(alias)] = field;
    }

    public IReadOnlyList<string> Fields { get; }

    public IReadOnlyList<string> Required { get; }

    public static ImportColumns For(ImportKind kind) => kind switch
    {
        ImportKind.Users => new(["externalId", "email", "name", "role", "team", "manager", "timeZone", "language"], ["name", "role", "timeZone"]),
        ImportKind.Customers => new(
            ["externalId", "name", "company", "country", "language", "owner", "email", "phone", "loyaltyNumber"], ["externalId", "name", "country"]),
        ImportKind.Orders => new(
            ["externalId", "customerExternalId", "productCode", "category", "amount", "currency", "placedAt"],
            ["externalId", "customerExternalId", "productCode", "amount", "currency", "placedAt"],
            new Dictionary<string, string> { ["date"] = "placedAt", ["customer"] = "customerExternalId" }),
        ImportKind.Consents => new(
            ["externalId", "customerExternalId", "purpose", "channel", "status", "source", "recordedAt"],
            ["externalId", "customerExternalId", "purpose", "channel", "status", "source", "recordedAt"],
            new Dictionary<string, string> { ["date"] = "recordedAt", ["customer"] = "customerExternalId", ["granted"] = "status" }),
        _ => new(
            ["productCode", "name", "category", "purpose", "pitch", "partnerCompany", "answersTriggers", "minimumTier", "countries", "active"],
            ["productCode", "name", "category", "purpose", "pitch"]),
    };

    /// <summary>The field a header names, or null when it names none.</summary>
    public string? FieldOf(string header) => _fieldsByKey.GetValueOrDefault(Key(header));

    private static string Key(string name) => string.Concat(name.Where(char.IsLetterOrDigit)).ToLowerInvariant();
}
