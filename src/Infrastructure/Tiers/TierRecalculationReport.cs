using ChatCrm.Domain.Tiers;

namespace ChatCrm.Infrastructure.Tiers;

/// <summary>What a recalculation found and wrote: customers and value per tier, changes recorded, orders left out.</summary>
public sealed record TierRecalculationReport(
    long Customers,
    IReadOnlyList<TierTally> Tiers,
    decimal TotalValue,
    string ReportingCurrency,
    long Changes,
    long UnconvertedOrders,
    DateTimeOffset CalculatedAt,
    TimeSpan Elapsed)
{
    public TierTally For(ValueTier tier) => Tiers.Single(t => t.Tier == tier);
}

/// <summary>How many customers a tier holds and how much value they bring together.</summary>
public sealed record TierTally(ValueTier Tier, long Customers, decimal Value)
{
    public decimal ShareOf(decimal total) => total == 0m ? 0m : Value / total;
}
