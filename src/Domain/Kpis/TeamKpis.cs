using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Tiers;

namespace ChatCrm.Domain.Kpis;

/// <summary>What one rep logged in the period, by channel.</summary>
public sealed record RepActivity(string RepName, IReadOnlyDictionary<InteractionChannel, int> ByChannel)
{
    public int Total => ByChannel.Values.Sum();
}

/// <summary>A customer's open follow-up whose day has passed (the <see cref="FollowUp"/> rule).</summary>
public sealed record OverdueFollowUp(CustomerId CustomerId, string CustomerName, string OwnerName, DateOnly DueOn, int DaysOverdue);

/// <summary>Why a high-value customer is listed as at risk.</summary>
public enum RiskKind
{
    NoContact = 1,
    FallingValue = 2,
    TierDrop = 3,
}

/// <summary>A Gold or Platinum customer not contacted for a while, whose value is falling, or that dropped from Gold or above.</summary>
public sealed record AtRiskCustomer(CustomerId CustomerId, string CustomerName, ValueTier Tier, RiskKind Kind, LocalizedText Reason);

/// <summary>An active case of a team customer near or past its SLA.</summary>
public sealed record CaseAtRisk(string CaseNumber, CustomerId CustomerId, string CustomerName, CaseSlaWatch Watch, LocalizedText Reason);

/// <summary>The team's active cases near or past their SLA: both counts, and the most urgent named (past first).</summary>
public sealed record CaseAlerts(int Near, int Past, IReadOnlyList<CaseAtRisk> Lines)
{
    public int Count => Near + Past;

    public int NotShown => Count - Lines.Count;
}

/// <summary>A customer created in the period and owned by someone in the team.</summary>
public sealed record NewCustomer(CustomerId CustomerId, string CustomerName, string OwnerName, DateTimeOffset CreatedAt);

/// <summary>Offers the team's reps were shown in the period and what customers answered.</summary>
public sealed record OfferResponses(int Presented, int Answered, int Accepted)
{
    /// <summary>Accepted over answered; null when nothing was answered.</summary>
    public decimal? AcceptanceRate => KpiRules.AcceptanceRate(Accepted, Answered);

    /// <summary>Answered over presented (the seeds' "response to campaigns"); null when nothing was presented.</summary>
    public decimal? ResponseRate => CustomerBaseRules.Share(Answered, Presented);
}

/// <summary>A list that names its first lines and counts them all, so a large team's digest stays readable.</summary>
public sealed record KpiList<T>(int Count, IReadOnlyList<T> Lines)
{
    public int NotShown => Count - Lines.Count;
}

/// <summary>
/// The KPIs of one manager's team (the reps reporting to them, and the customers those reps own) for one period.
/// The digest and the "kpis" command show the same object, so the numbers always agree.
/// </summary>
public sealed record TeamKpis(
    KpiPeriod Period,
    IReadOnlyList<RepActivity> Activity,
    KpiList<OverdueFollowUp> Overdue,
    KpiList<AtRiskCustomer> AtRisk,
    CaseAlerts Cases,
    OfferResponses Offers,
    KpiList<NewCustomer> NewCustomers)
{
    public int Interactions => Activity.Sum(a => a.Total);

    /// <summary>The seeds' customer-base KPIs (docs/kpis.md); null where a caller built the KPIs without them.</summary>
    public CustomerBaseKpis? CustomerBase { get; init; }

    /// <summary>First-response and resolution SLA attainment (<see cref="SlaAttainment"/>); null when not computed.</summary>
    public SlaAttainment? Sla { get; init; }

    /// <summary>Every customer the lines name (each is audited when shown).</summary>
    public IEnumerable<CustomerId> CustomersNamed =>
        Overdue.Lines.Select(o => o.CustomerId)
            .Concat(AtRisk.Lines.Select(a => a.CustomerId))
            .Concat(Cases.Lines.Select(c => c.CustomerId))
            .Concat(NewCustomers.Lines.Select(n => n.CustomerId))
            .Distinct();
}
