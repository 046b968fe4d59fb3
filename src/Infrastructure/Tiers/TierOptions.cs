using System.ComponentModel.DataAnnotations;
using ChatCrm.Domain.Tiers;

namespace ChatCrm.Infrastructure.Tiers;

/// <summary>
/// The <c>Tiers</c> section: where the tiers end (<c>Tiers:Thresholds:Platinum|Gold|Silver</c>, cumulative
/// shares of value), the currency values are reported in (<c>Tiers:ReportingCurrency</c>) and the fixed rates
/// that convert other currencies into it (<c>Tiers:ExchangeRates:GBP</c> = how many reporting units one pound
/// buys). Checked at start-up, so a bad threshold or rate stops the app instead of producing wrong tiers.
/// </summary>
public sealed class TierOptions : IValidatableObject
{
    public const string SectionName = "Tiers";

    public TierThresholdOptions Thresholds { get; set; } = new();

    [Required]
    public string ReportingCurrency { get; set; } = "EUR";

    /// <summary>Currency code → rate into <see cref="ReportingCurrency"/>. A currency missing here is left out of values and counted.</summary>
    public Dictionary<string, decimal> ExchangeRates { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Thresholds is null)
        {
            yield return new ValidationResult("Tiers:Thresholds is missing.", [nameof(Thresholds)]);
        }
        else if (TierThresholds.Problem(Thresholds.Platinum, Thresholds.Gold, Thresholds.Silver) is { } problem)
        {
            yield return new ValidationResult($"Tiers:Thresholds: {problem}", [nameof(Thresholds)]);
        }
        foreach (var problem in Domain.Tiers.ExchangeRates.Problems(ReportingCurrency, ExchangeRates))
            yield return new ValidationResult($"Tiers: {problem}", [nameof(ExchangeRates)]);
    }

    public TierThresholds ToThresholds() => new(Thresholds.Platinum, Thresholds.Gold, Thresholds.Silver);

    public ExchangeRates ToExchangeRates() => new(ReportingCurrency, ExchangeRates);
}

/// <summary>Cumulative shares of value where Platinum, Gold and Silver end (defaults 0.50, 0.80, 0.95).</summary>
public sealed class TierThresholdOptions
{
    public decimal Platinum { get; set; } = TierThresholds.Default.Platinum;

    public decimal Gold { get; set; } = TierThresholds.Default.Gold;

    public decimal Silver { get; set; } = TierThresholds.Default.Silver;
}
