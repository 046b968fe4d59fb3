using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;

namespace ChatCrm.Infrastructure.Intake;

/// <summary>A record with its fields parsed as far as they go, and the errors of those that did not.</summary>
internal sealed record CheckedCustomer(
    FieldChecks Checks,
    string? ExternalId,
    string? Name,
    string? Company,
    CountryCode Country,
    LanguageCode Language,
    string? Owner,
    IReadOnlyList<(IdentityKind Kind, string Value, string Field)> Handles)
{
    /// <param name="externalIdRequired">False for a customer a person types in (chat), who may not know any system's id.</param>
    public static CheckedCustomer From(CustomerIntake row, bool externalIdRequired = true)
    {
        ArgumentNullException.ThrowIfNull(row);
        var checks = new FieldChecks();
        var externalId = externalIdRequired || !string.IsNullOrWhiteSpace(row.ExternalId) ? ExternalIdText.Check(checks, "externalId", row.ExternalId) : null;
        var name = checks.Required("name", row.Name, Customer.MaxNameLength);
        var company = checks.Optional("company", row.Company, Customer.MaxCompanyLength);
        var country = CheckCountry(checks, row.Country);
        var language = string.IsNullOrWhiteSpace(row.Language)
            ? LanguageCode.Parse(Fallback(country))
            : checks.Parse("language", () => LanguageCode.Parse(row.Language));
        var handles = new List<(IdentityKind, string, string)>();
        AddHandle(checks, handles, IdentityKind.Email, row.Email, "email", country);
        AddHandle(checks, handles, IdentityKind.Phone, row.Phone, "phone", country);
        AddHandle(checks, handles, IdentityKind.LoyaltyNumber, row.LoyaltyNumber, "loyaltyNumber", country);
        return new CheckedCustomer(checks, externalId, name, company, country ?? default, language, ExternalIdText.UserReference(row.Owner), handles);
    }

    /// <summary>A required ISO 3166 two-letter country code, with its refusal recorded under "country".</summary>
    internal static CountryCode? CheckCountry(FieldChecks checks, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
            checks.Add("country", "is required");
        else if (CountryCode.TryParse(raw, out var parsed))
            return parsed;
        else
            checks.Add("country", $"'{FieldChecks.Cut(raw.Trim())}' is not an ISO 3166 two-letter country code");
        return null;
    }

    /// <summary>Without a language, Spanish for Spanish-speaking countries and English elsewhere (as the bot answers).</summary>
    private static string Fallback(CountryCode? country) =>
        country?.Value is "ES" or "MX" or "AR" or "CO" or "CL" or "PE" or "VE" or "EC" or "GT" or "CU" or "BO" or "DO" or "HN" or "PY" or "SV" or "NI" or "CR" or "PA" or "UY"
            ? "es" : "en";

    private static void AddHandle(FieldChecks checks, List<(IdentityKind, string, string)> handles, IdentityKind kind, string? raw, string field, CountryCode? country)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return;
        var value = checks.Parse(field, () => IdentityNormalizer.Normalize(kind, raw, country));
        if (value is not null)
            handles.Add((kind, value, field));
    }
}
