namespace ChatCrm.Domain.Kpis;

/// <summary>
/// First-response and resolution SLA attainment of a team in a period, on the business-hours clock: of the cases
/// first answered in the period, how many within the first-response target; of the cases resolved in the period, how
/// many within the resolution target. A case resolved without a first response counts as answered at its resolution.
/// </summary>
public sealed record SlaAttainment(int FirstResponseMet, int FirstResponses, int ResolutionMet, int Resolutions)
{
    /// <summary>Met over counted; null when no case was first answered in the period.</summary>
    public decimal? FirstResponseRate => Rate(FirstResponseMet, FirstResponses);

    /// <summary>Met over counted; null when no case was resolved in the period.</summary>
    public decimal? ResolutionRate => Rate(ResolutionMet, Resolutions);

    private static decimal? Rate(int met, int counted) => counted == 0 ? null : (decimal)met / counted;
}
