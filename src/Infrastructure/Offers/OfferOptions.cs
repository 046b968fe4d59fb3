using System.ComponentModel.DataAnnotations;
using ChatCrm.Domain.Offers;

namespace ChatCrm.Infrastructure.Offers;

/// <summary>
/// The <c>Offers</c> section: the eligibility windows (<c>CoolingOffDays</c> after a decline, <c>RepeatWindowDays</c>
/// between two makings of one offer) and how much answered history the propensity model needs before it ranks
/// (<c>MinimumAnswersForModel</c>); below that, transparent rules rank and the card says so.
/// </summary>
public sealed class OfferOptions
{
    public const string SectionName = "Offers";

    [Range(0, 3650)]
    public int CoolingOffDays { get; set; } = OfferPolicy.Default.CoolingOffDays;

    [Range(0, 365)]
    public int RepeatWindowDays { get; set; } = OfferPolicy.Default.RepeatWindowDays;

    [Range(1, int.MaxValue)]
    public int MinimumAnswersForModel { get; set; } = 1000;

    /// <summary>"30% of similar customers accepted" is said only when at least this many similar customers answered.</summary>
    [Range(1, int.MaxValue)]
    public int MinimumAnswersForShare { get; set; } = 20;

    /// <summary>An order at or above this amount (reporting currency, <c>Tiers:ReportingCurrency</c>) queues a "large order" suggestion.</summary>
    [Range(typeof(decimal), "0.01", "1000000000")]
    public decimal LargeOrderAmount { get; set; } = OfferTriggerPolicy.Default.LargeOrderAmount;

    /// <summary>…or this many times the customer's average order, once they have <see cref="MinimumOrdersForAverage"/> earlier orders.</summary>
    [Range(typeof(decimal), "1", "1000")]
    public decimal LargeOrderAverageMultiple { get; set; } = OfferTriggerPolicy.Default.AverageMultiple;

    [Range(1, 1000)]
    public int MinimumOrdersForAverage { get; set; } = OfferTriggerPolicy.Default.MinimumOrdersForAverage;

    /// <summary>An order in one of <see cref="DepositCategories"/> at or above this amount is a "large deposit".</summary>
    [Range(typeof(decimal), "0.01", "1000000000")]
    public decimal LargeDepositAmount { get; set; } = OfferTriggerPolicy.Default.LargeDepositAmount;

    /// <summary>Catalog categories whose orders are deposit-like (money put aside rather than spent).</summary>
    public IList<string> DepositCategories { get; init; } = [.. OfferTriggerPolicy.Default.DepositCategories];

    public OfferPolicy ToPolicy() => new(CoolingOffDays, RepeatWindowDays);

    public OfferTriggerPolicy ToTriggerPolicy() => new(LargeOrderAmount, LargeOrderAverageMultiple, MinimumOrdersForAverage, LargeDepositAmount,
        new HashSet<string>(DepositCategories, StringComparer.OrdinalIgnoreCase));
}
