using System.Globalization;

namespace ChatCrm.Domain.Common;

/// <summary>An ISO 639-1 language code in lower case ("es", "en").</summary>
public readonly record struct LanguageCode
{
    private LanguageCode(string value) => Value = value;

    public string Value { get; }

    public static LanguageCode Spanish { get; } = new("es");

    public static LanguageCode English { get; } = new("en");

    public static LanguageCode Parse(string? code)
    {
        var candidate = code?.Trim().ToLowerInvariant();
        if (candidate is { Length: 2 } && KnownLanguages.Contains(candidate))
            return new LanguageCode(candidate);
        throw new DomainRuleException($"'{code}' is not a two-letter language code.");
    }

    /// <summary>
    /// The two-letter languages the platform's culture data knows. Asking for a culture by name is not enough:
    /// ICU makes one up for any two letters ("qq").
    /// </summary>
    private static readonly HashSet<string> KnownLanguages = CultureInfo.GetCultures(CultureTypes.NeutralCultures)
        .Select(c => c.Name)
        .Where(name => name.Length == 2)
        .ToHashSet(StringComparer.Ordinal);

    public override string ToString() => Value ?? string.Empty;
}
