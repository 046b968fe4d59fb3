using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Customers;

/// <summary>
/// A customer: one person (or account contact) however many handles they are known by.
/// Names are stored as typed for display, and folded into search keys for matching.
/// </summary>
public sealed class Customer
{
    public const int MaxNameLength = 200;
    public const int MaxCompanyLength = 200;

    private readonly List<CustomerIdentity> _identities = [];

    private Customer()
    {
        DisplayName = string.Empty;
        NameKey = string.Empty;
        CompanyKey = string.Empty;
    }

    public Customer(CustomerId id, string displayName, string? company, CountryCode country, LanguageCode preferredLanguage, DateTimeOffset createdAt)
    {
        Id = id;
        DisplayName = string.Empty;
        NameKey = string.Empty;
        CompanyKey = string.Empty;
        Country = country;
        PreferredLanguage = preferredLanguage;
        CreatedAt = createdAt.ToUniversalTime();
        Rename(displayName);
        MoveToCompany(company);
    }

    public CustomerId Id { get; private set; }

    public string DisplayName { get; private set; }

    public string? Company { get; private set; }

    public CountryCode Country { get; private set; }

    public LanguageCode PreferredLanguage { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The rep who owns the account: they and their team see the full record (need-to-know).</summary>
    public UserId? OwnerId { get; private set; }

    /// <summary>The display name folded for matching ("María Núñez" → "maria nunez").</summary>
    public string NameKey { get; private set; }

    /// <summary>The company folded for matching; empty when there is none.</summary>
    public string CompanyKey { get; private set; }

    public IReadOnlyCollection<CustomerIdentity> Identities => _identities.AsReadOnly();

    /// <summary>When the customer's personal data was erased at their request; null while it is held.</summary>
    public DateTimeOffset? ErasedAt { get; private set; }

    public bool IsErased => ErasedAt is not null;

    public void Rename(string displayName)
    {
        EnsureNotErased();
        DisplayName = Guard.RequiredText(displayName, "customer name", MaxNameLength);
        NameKey = SearchText.Fold(DisplayName);
    }

    public void MoveToCompany(string? company)
    {
        EnsureNotErased();
        Company = Guard.OptionalText(company, "company name", MaxCompanyLength);
        CompanyKey = SearchText.Fold(Company);
    }

    public void AssignOwner(UserId? ownerId) => OwnerId = ownerId;

    /// <summary>Adds a handle, normalised; adding one the customer already has changes nothing.</summary>
    public CustomerIdentity AddIdentity(IdentityKind kind, string value)
    {
        EnsureNotErased();
        var normalized = IdentityNormalizer.Normalize(kind, value, Country);
        var existing = _identities.FirstOrDefault(i => i.Kind == kind && i.Value == normalized);
        if (existing is not null)
            return existing;
        var identity = new CustomerIdentity(Id, kind, normalized);
        _identities.Add(identity);
        return identity;
    }

    public string? FirstIdentity(IdentityKind kind) => _identities.FirstOrDefault(i => i.Kind == kind)?.Value;

    /// <summary>
    /// Anonymises the customer (the right to erasure): the name becomes a neutral label, the company and every
    /// handle go, and the record drops out of search. Country, language, owner and the customer's orders stay,
    /// so totals and statistics keep adding up. Erasing twice changes nothing.
    /// </summary>
    public void Erase(DateTimeOffset at)
    {
        if (IsErased)
            return;
        DisplayName = $"Erased customer {Id.ToString()[..8]}";
        NameKey = string.Empty;
        Company = null;
        CompanyKey = string.Empty;
        _identities.Clear();
        ErasedAt = at.ToUniversalTime();
    }

    private void EnsureNotErased()
    {
        if (IsErased)
            throw new DomainRuleException("This customer's personal data was erased at their request; it cannot be changed or added to.");
    }
}
