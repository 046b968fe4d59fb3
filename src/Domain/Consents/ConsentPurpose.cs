namespace ChatCrm.Domain.Consents;

/// <summary>What a customer agreed (or refused) to be contacted for.</summary>
public enum ConsentPurpose
{
    /// <summary>Service messages about what the customer already has; needs no opt-in.</summary>
    Service = 1,
    Marketing = 2,
    Profiling = 3,
    PartnerOffers = 4,
}
