namespace ChatCrm.Domain.Consents;

/// <summary>
/// What a customer agreed (or refused) to be contacted for. Whether an offer involves a partner company is
/// not a purpose: it is an attribute of the offer (<see cref="Offers.Offer.PartnerCompany"/>) that some
/// countries forbid whatever the customer agreed to.
/// </summary>
public enum ConsentPurpose
{
    /// <summary>Messages about what the customer already has (contract, renewals, support); needs no opt-in.</summary>
    Service = 1,

    /// <summary>Offers of products and services the customer does not have yet.</summary>
    Marketing = 2,

    /// <summary>Analysing the customer's behaviour on a channel to tailor what they are offered.</summary>
    Profiling = 3,
}
