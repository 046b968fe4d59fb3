namespace ChatCrm.Domain.Kpis;

/// <summary>
/// Where the KPI rules draw their lines. Configurable because each sales organisation has its own rhythm: a
/// key-account team calls its best customers weekly, a web shop's team quarterly.
/// </summary>
/// <param name="AtRiskAfterDays">A Gold or Platinum customer with no contact for this many days is at risk.</param>
/// <param name="SlaWarnShare">An active case that has used this share of its SLA (0.8 = 80%) is "near" it.</param>
/// <param name="FallingValueShare">A 12-month value this share (0.2 = 20%) below the previous 12 months' is "falling".</param>
/// <param name="LinesPerSection">How many named lines each section lists; the counts cover everything.</param>
public sealed record KpiThresholds(int AtRiskAfterDays = 30, decimal SlaWarnShare = 0.8m, decimal FallingValueShare = 0.2m, int LinesPerSection = 10)
{
    public static KpiThresholds Default { get; } = new();

    /// <summary>What is wrong with these thresholds, or null when they are usable.</summary>
    public string? Problem() =>
        AtRiskAfterDays < 1 ? "AtRiskAfterDays must be at least 1."
        : SlaWarnShare is <= 0m or >= 1m ? "SlaWarnShare must be between 0 and 1 (exclusive)."
        : FallingValueShare is <= 0m or >= 1m ? "FallingValueShare must be between 0 and 1 (exclusive)."
        : LinesPerSection < 1 ? "LinesPerSection must be at least 1."
        : null;
}
