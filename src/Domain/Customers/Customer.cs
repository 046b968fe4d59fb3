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

    /// <summary>The record this one was merged into (a duplicate of the same customer); null for a live record.</summary>
    public CustomerId? MergedIntoId { get; private set; }

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

    /// <summary>The customer lives (or is registered) in another country now; handles already stored keep their form.</summary>
    public void Relocate(CountryCode country)
    {
        EnsureNotErased();
        Country = country;
    }

    public void PreferLanguage(LanguageCode language)
    {
        EnsureNotErased();
        PreferredLanguage = language;
    }

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

    /// <summary>Takes a handle off the customer (a wrong or no longer used e-mail, say); false when it has no such handle.</summary>
    public bool RemoveIdentity(Guid identityId)
    {
        EnsureNotErased();
        return _identities.RemoveAll(i => i.Id == identityId) > 0;
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

    /// <summary>
    /// Takes over every handle of <paramref name="duplicate"/> and retires it as merged into this record: it keeps
    /// its name for the merge's explanation but drops out of search. The company is kept, or taken from the
    /// duplicate when this record has none.
    /// </summary>
    internal void Absorb(Customer duplicate)
    {
        EnsureNotErased();
        if (duplicate.Id == Id)
            throw new DomainRuleException("A customer cannot be merged with itself.");
        if (duplicate.MergedIntoId is not null || duplicate.IsErased)
            throw new DomainRuleException($"{duplicate.DisplayName} was already merged or erased; there is nothing left to merge.");
        if (MergedIntoId is not null)
            throw new DomainRuleException($"{DisplayName} was itself merged into another record; merge into that one.");

        foreach (var identity in duplicate._identities)
        {
            identity.MoveTo(Id);
            _identities.Add(identity);
        }
        duplicate._identities.Clear();
        if (Company is null && duplicate.Company is not null)
            MoveToCompany(duplicate.Company);
        duplicate.MergedIntoId = Id;
        duplicate.NameKey = string.Empty;
        duplicate.CompanyKey = string.Empty;
    }

    private void EnsureNotErased()
    {
        if (IsErased)
            throw new DomainRuleException("This customer's personal data was erased at their request; it cannot be changed or added to.");
    }
}
