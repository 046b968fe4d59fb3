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
        if (candidate is { Length: 2 } && candidate.All(char.IsAsciiLetterLower))
        {
            try
            {
                var culture = CultureInfo.GetCultureInfo(candidate);
                if (string.Equals(culture.TwoLetterISOLanguageName, candidate, StringComparison.Ordinal))
                    return new LanguageCode(candidate);
            }
            catch (CultureNotFoundException)
            {
                // falls through to the rule violation below
            }
        }
        throw new DomainRuleException($"'{code}' is not a two-letter language code.");
    }

    public override string ToString() => Value ?? string.Empty;
}
