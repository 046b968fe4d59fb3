using ChatCrm.Domain.Customers;

namespace ChatCrm.Bot.Api.Customers;

/// <summary>
/// A new customer, keyed by its id in your system (<c>externalId</c>). <c>country</c> is ISO 3166 ("ES"),
/// <c>language</c> ISO 639-1 ("es"; by country when left out), <c>owner</c> the owning user's work e-mail or directory id.
/// </summary>
public sealed record CreateCustomerRequest(
    string? ExternalId,
    string? Name,
    string? Company,
    string? Country,
    string? Language,
    string? Owner,
    string? Email,
    string? Phone,
    string? LoyaltyNumber);

/// <summary>
/// A change to a customer: fields left out (or null) keep their value. Handles given are added (a customer keeps every
/// handle it is known by; remove one through its identities).
/// </summary>
public sealed record UpdateCustomerRequest(
    string? Name,
    string? Company,
    string? Country,
    string? Language,
    string? Owner,
    string? Email,
    string? Phone,
    string? LoyaltyNumber);

public sealed record IdentityResponse(Guid Id, string Kind, string Value)
{
    public static IdentityResponse From(CustomerIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return new(identity.Id, identity.Kind.ToString(), identity.Value);
    }
}

public sealed record CustomerResponse(
    Guid Id,
    string? ExternalId,
    string Name,
    string? Company,
    string Country,
    string Language,
    Guid? OwnerId,
    DateTimeOffset CreatedAt,
    IReadOnlyList<IdentityResponse> Identities)
{
    public static CustomerResponse From(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return new(customer.Id.Value, customer.FirstIdentity(IdentityKind.ExternalId), customer.DisplayName, customer.Company, customer.Country.Value,
            customer.PreferredLanguage.Value, customer.OwnerId?.Value, customer.CreatedAt,
            customer.Identities.Where(i => i.Kind is not (IdentityKind.TeamsUser or IdentityKind.SlackUser)).OrderBy(i => i.Kind).ThenBy(i => i.Value, StringComparer.Ordinal)
                .Select(IdentityResponse.From).ToList());
    }
}

public sealed record CustomerSearchResponse(IReadOnlyList<CustomerResponse> Items, bool MoreExist);

/// <summary>What a write answers a client without <c>crm.read</c>: the id it may use, and what happened — not the record.</summary>
public sealed record WriteReceipt(Guid Id, string Outcome);

/// <summary>A handle to add: <c>kind</c> is Email, Phone, LoyaltyNumber or ExternalId.</summary>
public sealed record AddIdentityRequest(IdentityKind? Kind, string? Value);
