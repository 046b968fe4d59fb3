namespace ChatCrm.Domain.Access;

/// <summary>
/// The parts of a customer record that need-to-know access grants or withholds one by one.
/// Every view is audited with the parts it showed.
/// </summary>
[Flags]
public enum CustomerField
{
    None = 0,

    /// <summary>Name and company: enough to know who the customer is.</summary>
    Identity = 1 << 0,

    /// <summary>E-mail addresses, phone numbers and other handles.</summary>
    ContactDetails = 1 << 1,

    /// <summary>Country, language and the owning rep.</summary>
    Profile = 1 << 2,

    /// <summary>Logged calls, visits, meetings, e-mails and chats, with their summaries.</summary>
    Interactions = 1 << 3,

    /// <summary>Support cases and the service level.</summary>
    Cases = 1 << 4,

    /// <summary>Which products the customer owns.</summary>
    Products = 1 << 5,

    /// <summary>Order amounts and value figures (12-month value, frequency).</summary>
    Revenue = 1 << 6,

    /// <summary>The value tier and its history.</summary>
    Tier = 1 << 7,

    /// <summary>The customer's privacy preferences: consent per purpose and channel.</summary>
    Consents = 1 << 8,

    /// <summary>Suggested offers.</summary>
    Offers = 1 << 9,

    /// <summary>Offers held back, and why (a consent withdrawn, a country rule): reveals the customer's privacy choices.</summary>
    SuppressedOffers = 1 << 10,

    /// <summary>What anybody may see of any customer: who they are and how to reach them.</summary>
    BasicContact = Identity | ContactDetails | Profile,

    /// <summary>What support needs to serve the customer: no revenue, tiers or held-back offers.</summary>
    Service = BasicContact | Interactions | Cases | Products | Consents | Offers,

    All = Service | Revenue | Tier | SuppressedOffers,
}
