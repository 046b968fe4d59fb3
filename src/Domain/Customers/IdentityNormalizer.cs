using ChatCrm.Domain.Common;
using PhoneNumbers;

namespace ChatCrm.Domain.Customers;

/// <summary>
/// Turns a handle as typed into the one form stored and matched: e-mail trimmed and lower case,
/// phones in E.164 (the customer's country is the default region), ids trimmed.
/// </summary>
public static class IdentityNormalizer
{
    private const int MaxLength = 200;

    public static string Normalize(IdentityKind kind, string? raw, CountryCode? defaultRegion = null)
    {
        var value = raw?.Trim();
        if (string.IsNullOrEmpty(value))
            throw new DomainRuleException($"The {Describe(kind)} cannot be empty.");
        if (value.Length > MaxLength)
            throw new DomainRuleException($"The {Describe(kind)} is longer than {MaxLength} characters.");

        return kind switch
        {
            IdentityKind.Email => NormalizeEmail(value),
            IdentityKind.Phone => NormalizePhone(value, defaultRegion)
                ?? throw new DomainRuleException($"'{value}' is not a phone number I can read; include the country code, e.g. +34 600 123 456."),
            IdentityKind.TeamsUser or IdentityKind.SlackUser => value,
            IdentityKind.LoyaltyNumber or IdentityKind.ExternalId => value.ToUpperInvariant(),
            _ => throw new DomainRuleException($"Unknown identity kind {kind}."),
        };
    }

    /// <summary>E.164 for a phone number, or null when the text is not a possible number.</summary>
    public static string? NormalizePhone(string raw, CountryCode? defaultRegion)
    {
        var util = PhoneNumberUtil.GetInstance();
        try
        {
            var number = util.Parse(raw, defaultRegion?.Value ?? "ZZ");
            return util.IsPossibleNumber(number) ? util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    public static bool LooksLikeEmail(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < text.Length - 3 && text.IndexOf('.', at) > at + 1 && !text.Any(char.IsWhiteSpace);
    }

    private static string NormalizeEmail(string value)
    {
        if (!LooksLikeEmail(value))
            throw new DomainRuleException($"'{value}' is not an e-mail address.");
        return value.ToLowerInvariant();
    }

    private static string Describe(IdentityKind kind) => kind switch
    {
        IdentityKind.Email => "e-mail address",
        IdentityKind.Phone => "phone number",
        IdentityKind.TeamsUser => "Teams user id",
        IdentityKind.SlackUser => "Slack user id",
        IdentityKind.LoyaltyNumber => "loyalty number",
        _ => "external id",
    };
}
