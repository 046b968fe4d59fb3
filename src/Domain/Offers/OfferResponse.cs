namespace ChatCrm.Domain.Offers;

/// <summary>What the customer said when the rep made the offer: the label the propensity model learns from.</summary>
public enum OfferResponse
{
    Accepted = 1,

    /// <summary>Not now: no objection, but the offer is not repeated in the same week.</summary>
    NotNow = 2,

    /// <summary>Declined: the offer waits out a cooling-off period before it is suggested again.</summary>
    Declined = 3,
}

/// <summary>How the suggestions on a card were ranked.</summary>
public enum OfferRankingSource
{
    /// <summary>Transparent rules: too little feedback yet for a model to be trusted, or no model trained.</summary>
    Rules = 1,

    /// <summary>The propensity model trained on the feedback history.</summary>
    Model = 2,
}
