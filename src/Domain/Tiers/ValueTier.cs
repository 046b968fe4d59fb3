namespace ChatCrm.Domain.Tiers;

/// <summary>
/// How much a customer is worth to us, by their share of the trailing-twelve-month value (Pareto): the few who
/// bring most of the money are Platinum. The numbers rank the tiers, so a higher number is a better tier.
/// </summary>
public enum ValueTier
{
    Bronze = 0,
    Silver = 1,
    Gold = 2,
    Platinum = 3,
}
