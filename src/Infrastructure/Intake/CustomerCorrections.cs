using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Intake;

/// <summary>
/// A person's correction of one customer, as typed: every profile field as it should be (a blank company clears it, a
/// blank language keeps it), handles to add by the field that gave them, and one handle to take off (its id).
/// </summary>
public sealed record CustomerCorrection(string? Name, string? Company, string? Country, string? Language,
    IReadOnlyList<(IdentityKind Kind, string? Value, string Field)> Add, Guid? Remove, string RemoveField);

/// <summary>What a correction comes to: the errors by field (nothing applied), or what changed, worded for the audit (ids and codes, no personal data).</summary>
public sealed record CorrectionResult(IReadOnlyList<FieldError> Errors, IReadOnlyList<string> Changes)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Corrects a customer with the intake's checks and normalising (<see cref="FieldChecks"/>, the country rule of
/// <see cref="CheckedCustomer"/>, <see cref="IdentityNormalizer"/> with the corrected country): a handle another
/// customer holds is refused naming it (<see cref="FieldError.HeldBy"/>), as the import and the API refuse it; the
/// handles the API manages (e-mail, phone, loyalty number, external id) can be added and removed. Either everything
/// is applied to the tracked customer, or nothing. The caller saves (with the version it read as the concurrency check).
/// </summary>
public sealed class CustomerCorrections(CrmDbContext db)
{
    public static IReadOnlyList<IdentityKind> Managed { get; } = [IdentityKind.Email, IdentityKind.Phone, IdentityKind.LoyaltyNumber, IdentityKind.ExternalId];

    /// <summary>Checks the correction (reads only) and, when <paramref name="apply"/> and it is valid, applies it to <paramref name="customer"/>.</summary>
    public async Task<CorrectionResult> CorrectAsync(Customer customer, CustomerCorrection correction, bool apply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(correction);
        var checks = new FieldChecks();
        var name = checks.Required("name", correction.Name, Customer.MaxNameLength);
        var company = checks.Optional("company", correction.Company, Customer.MaxCompanyLength);
        var country = CheckedCustomer.CheckCountry(checks, correction.Country);
        var language = string.IsNullOrWhiteSpace(correction.Language)
            ? customer.PreferredLanguage
            : checks.Parse("language", () => LanguageCode.Parse(correction.Language));
        var added = new List<(IdentityKind Kind, string Value, string Field)>();
        foreach (var (kind, raw, field) in correction.Add.Where(a => !string.IsNullOrWhiteSpace(a.Value)))
        {
            if (!Managed.Contains(kind))
                throw new ArgumentException($"{kind} handles are not corrected here.", nameof(correction));
            var value = checks.Parse(field, () => IdentityNormalizer.Normalize(kind, raw, country ?? customer.Country));
            if (value is not null && !customer.Identities.Any(i => i.Kind == kind && i.Value == value))
                added.Add((kind, value, field));
        }
        var removed = correction.Remove is { } removeId ? customer.Identities.FirstOrDefault(i => i.Id == removeId && Managed.Contains(i.Kind)) : null;
        if (correction.Remove is not null && removed is null)
            checks.Add(correction.RemoveField, "is no longer one of this customer's handles");
        foreach (var (kind, value, field) in added)
        {
            var holder = await db.CustomerIdentities.AsNoTracking().Where(i => i.Kind == kind && i.Value == value)
                .Select(i => (CustomerId?)i.CustomerId).FirstOrDefaultAsync(ct);
            if (holder is { } other && other != customer.Id)
                checks.Add(new FieldError(field, $"'{FieldChecks.Cut(value)}' already belongs to another customer") { HeldBy = other });
        }
        if (checks.HasErrors)
            return new CorrectionResult(checks.Errors, []);

        var changes = Describe(customer, name!, company, country!.Value, language!, removed);
        changes.AddRange(apply ? Apply(customer, name!, company, country.Value, language!, added, removed) : added.Select(a => $"added {a.Kind}"));
        return new CorrectionResult([], changes);
    }

    private static List<string> Describe(Customer customer, string name, string? company, CountryCode country, LanguageCode language,
        CustomerIdentity? removed)
    {
        var changes = new List<string>();
        if (customer.DisplayName != name)
            changes.Add("name");
        if (customer.Company != company)
            changes.Add("company");
        if (customer.Country != country)
            changes.Add($"country: {customer.Country.Value} -> {country.Value}");
        if (customer.PreferredLanguage != language)
            changes.Add($"language: {customer.PreferredLanguage.Value} -> {language.Value}");
        if (removed is not null)
            changes.Add($"removed {removed.Kind} {removed.Id}");
        return changes;
    }

    /// <summary>Applies the checked correction; the handles added, each as "added Kind id".</summary>
    private static List<string> Apply(Customer customer, string name, string? company, CountryCode country, LanguageCode language,
        List<(IdentityKind Kind, string Value, string Field)> added, CustomerIdentity? removed)
    {
        if (customer.DisplayName != name)
            customer.Rename(name);
        if (customer.Company != company)
            customer.MoveToCompany(company);
        if (customer.Country != country)
            customer.Relocate(country);
        if (customer.PreferredLanguage != language)
            customer.PreferLanguage(language);
        if (removed is not null)
            customer.RemoveIdentity(removed.Id);
        return added.Select(a => customer.AddIdentity(a.Kind, a.Value)).Select(i => $"added {i.Kind} {i.Id}").ToList();
    }
}
