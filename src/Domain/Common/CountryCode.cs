using System.Globalization;

namespace ChatCrm.Domain.Common;

/// <summary>An ISO 3166-1 alpha-2 country code, upper case ("ES", "MX", "US").</summary>
public readonly record struct CountryCode
{
    private CountryCode(string value) => Value = value;

    public string Value { get; }

    public static CountryCode Parse(string? code)
    {
        if (TryParse(code, out var country))
            return country;
        throw new DomainRuleException($"'{code}' is not an ISO 3166 two-letter country code.");
    }

    public static bool TryParse(string? code, out CountryCode country)
    {
        country = default;
        var candidate = code?.Trim().ToUpperInvariant();
        if (candidate is not { Length: 2 } || !candidate.All(char.IsAsciiLetterUpper))
            return false;
        try
        {
            var region = new RegionInfo(candidate);
            if (!string.Equals(region.TwoLetterISORegionName, candidate, StringComparison.Ordinal))
                return false;
        }
        catch (ArgumentException)
        {
            return false;
        }
        country = new CountryCode(candidate);
        return true;
    }

    public override string ToString() => Value ?? string.Empty;
}
