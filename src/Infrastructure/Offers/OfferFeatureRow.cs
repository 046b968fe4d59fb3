using Microsoft.ML.Data;

namespace ChatCrm.Infrastructure.Offers;

/// <summary>
/// One offer made to one customer at one moment, as the propensity model sees it: the customer's tier, recency,
/// frequency and spend, what they own, how much they talked to us and opened cases lately, and the offer itself.
/// ML.NET reads it by reflection, hence a plain class with settable properties.
/// </summary>
public sealed class OfferFeatureRow
{
    /// <summary>Bumped whenever a feature is added, removed or computed differently.</summary>
    public const int Schema = 1;

    /// <summary>0 Bronze … 3 Platinum; -1 while never calculated.</summary>
    public float Tier { get; set; }

    /// <summary>Days since the newest order before the moment (capped at 3 years when there is none).</summary>
    public float DaysSinceLastOrder { get; set; }

    public float OrdersLast12Months { get; set; }

    /// <summary>log(1 + spend of the last 12 months): a few customers spend hundreds of times what most do.</summary>
    public float SpendLast12MonthsLog { get; set; }

    public float CategoriesOwned { get; set; }

    /// <summary>1 when the customer already bought from the offer's category (cross-selling), else 0.</summary>
    public float OwnsOfferCategory { get; set; }

    /// <summary>1 for a service offer (renewals, support), 0 for marketing.</summary>
    public float IsService { get; set; }

    public float InteractionsLast90Days { get; set; }

    public float CasesLast90Days { get; set; }

    public string OfferCategory { get; set; } = string.Empty;

    public string ProductCode { get; set; } = string.Empty;

    /// <summary>Accepted (true) or not (not now, declined).</summary>
    public bool Label { get; set; }
}

/// <summary>What the model says of a row.</summary>
public sealed class OfferPrediction
{
    [ColumnName("Probability")]
    public float Probability { get; set; }

    [ColumnName("Score")]
    public float Score { get; set; }
}
