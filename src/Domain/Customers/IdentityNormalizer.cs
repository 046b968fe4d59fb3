using ChatCrm.Domain.Common;
using PhoneNumbers;

namespace ChatCrm.Domain.Customers;

/// <summary>
/// Turns a handle as typed into the one form stored and matched, so that one customer is found by any of
/// their handles however it was typed: e-mail trimmed and lower case; phones in E.164 (the customer's country
/// is the default region); a Teams (Entra ID) object id as a lower-case GUID; a Slack user as
/// <c>TEAM:USER</c> in upper case; loyalty numbers and external ids upper case without spaces.
/// This is the single entry point: the stored value and the value searched for always come from here.
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
            IdentityKind.TeamsUser => NormalizeTeamsUser(value),
            IdentityKind.SlackUser => NormalizeSlackUser(value),
            IdentityKind.LoyaltyNumber or IdentityKind.ExternalId => WithoutSpaces(value).ToUpperInvariant(),
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

    /// <summary>A Teams user's Entra ID object id as a lower-case GUID ("d" format), however it was written.</summary>
    private static string NormalizeTeamsUser(string value) =>
        Guid.TryParse(value, out var objectId)
            ? objectId.ToString("D")
            : throw new DomainRuleException($"'{value}' is not a Teams user id; it is a GUID such as 0b3f6a2e-8f54-4c55-9d1e-4a1f2c3d4e5f.");

    /// <summary>
    /// A Slack user is only unique within its workspace, so the handle is <c>TEAM:USER</c> (both ids are
    /// upper case on Slack; lower-case input is a typing slip).
    /// </summary>
    private static string NormalizeSlackUser(string value)
    {
        var parts = WithoutSpaces(value).ToUpperInvariant().Split(':');
        return parts is [{ Length: > 0 } team, { Length: > 0 } user] && parts.All(p => p.All(char.IsAsciiLetterOrDigit))
            ? $"{team}:{user}"
            : throw new DomainRuleException($"'{value}' is not a Slack user; write it as TEAM:USER, e.g. T024BE7LD:U012AB3CD.");
    }

    private static string WithoutSpaces(string value) => string.Concat(value.Where(c => !char.IsWhiteSpace(c)));

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
