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

    public OfferPolicy ToPolicy() => new(CoolingOffDays, RepeatWindowDays);
}
