namespace ChatCrm.Domain.Kpis;

/// <summary>The team's customers at the end of the period: every live one created by then, and those active (a contact or an order in the last 90 days).</summary>
public sealed record CustomerCounts(int Total, int Active);

/// <summary>
/// Twelve-month order value (in the reporting currency) over active customers, at the end of the period and at its
/// start (the previous period's end), and the trend between them.
/// </summary>
public sealed record ValuePerCustomer(decimal Value, int Active, decimal PreviousValue, int PreviousActive, string Currency)
{
    public decimal? Current => CustomerBaseRules.PerCustomer(Value, Active);

    public decimal? Previous => CustomerBaseRules.PerCustomer(PreviousValue, PreviousActive);

    /// <summary>(current − previous) / previous; null when either is missing or the previous is 0.</summary>
    public decimal? Trend => CustomerBaseRules.Change(Current, Previous);
}

/// <summary>Customers with order value in the twelve months before the last twelve (<see cref="Base"/>), and how many of them still have value in the last twelve.</summary>
public sealed record Retention(int Base, int Retained)
{
    public decimal? Rate => CustomerBaseRules.Share(Retained, Base);
}

/// <summary>Satisfaction surveys e-mailed in the period and their answers: how many, the sum of scores and how many were 4 or 5.</summary>
public sealed record SatisfactionScores(int Sent, int Answered, int ScoreTotal, int Satisfied)
{
    public decimal? Average => CustomerBaseRules.Average(ScoreTotal, Answered);

    /// <summary>Answers of 4 or 5 over all answers.</summary>
    public decimal? SatisfiedShare => CustomerBaseRules.Share(Satisfied, Answered);

    /// <summary>Answered over sent.</summary>
    public decimal? ResponseRate => CustomerBaseRules.Share(Answered, Sent);
}

/// <summary>
/// The seeds' KPIs about the team's customer base (docs/kpis.md). New customers and the offer response rate are in
/// <see cref="TeamKpis"/> already (<see cref="TeamKpis.NewCustomers"/>, <see cref="OfferResponses.ResponseRate"/>).
/// </summary>
public sealed record CustomerBaseKpis(CustomerCounts Customers, ValuePerCustomer Value, Retention Retention, SatisfactionScores Satisfaction);
