using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;

namespace ChatCrm.Infrastructure.Intake;

/// <summary>
/// A record with its fields parsed as far as they go, and the errors of those that did not. When nothing is wrong,
/// also the customer it would become if its external id is new (<see cref="Draft"/>, without owner): building it
/// (folding names, normalising handles) needs no database, so the import does it ahead, on another core.
/// </summary>
internal sealed record CheckedCustomer(
    FieldChecks Checks,
    string? ExternalId,
    string? Name,
    string? Company,
    CountryCode Country,
    LanguageCode Language,
    string? Owner,
    IReadOnlyList<(IdentityKind Kind, string Value, string Field)> Handles,
    Customer? Draft)
{
    /// <param name="now">When a new customer would be created.</param>
    /// <param name="externalIdRequired">False for a customer a person types in (chat), who may not know any system's id.</param>
    public static CheckedCustomer From(CustomerIntake row, DateTimeOffset now, bool externalIdRequired = true)
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
        var handles = new List<(IdentityKind Kind, string Value, string Field)>();
        AddHandle(checks, handles, IdentityKind.Email, row.Email, "email", country);
        AddHandle(checks, handles, IdentityKind.Phone, row.Phone, "phone", country);
        AddHandle(checks, handles, IdentityKind.LoyaltyNumber, row.LoyaltyNumber, "loyaltyNumber", country);
        var draft = checks.HasErrors ? null : DraftOf(externalId, name!, company, country!.Value, language, handles, now);
        return new CheckedCustomer(checks, externalId, name, company, country ?? default, language, ExternalIdText.UserReference(row.Owner), handles, draft);
    }

    private static Customer DraftOf(string? externalId, string name, string? company, CountryCode country, LanguageCode language,
        List<(IdentityKind Kind, string Value, string Field)> handles, DateTimeOffset now)
    {
        var customer = new Customer(CustomerId.New(), name, company, country, language, now);
        if (externalId is not null)
            customer.AddIdentity(IdentityKind.ExternalId, externalId);
        foreach (var (kind, value, _) in handles)
            customer.AddIdentity(kind, value);
        return customer;
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
