using ChatCrm.Domain.Tiers;

namespace ChatCrm.Domain.Tests.Tiers;

/// <summary>Runs the streaming assigner the way the database feeds it (most valuable first) and hands tiers back in input order.</summary>
internal static class TierRanking
{
    public static ValueTier[] Rank(IReadOnlyList<decimal> values, TierThresholds thresholds)
    {
        var order = Enumerable.Range(0, values.Count).OrderByDescending(i => values[i]).ToList();
        var total = values.Sum();
        var tiers = new ValueTier[values.Count];
        foreach (var (index, tier) in ParetoTierAssigner.Assign(order, i => values[i], total, thresholds))
            tiers[index] = tier;
        return tiers;
    }

    /// <summary>Valid thresholds from four positive weights: cumulative fractions of their sum rise strictly inside (0, 1).</summary>
    public static TierThresholds Thresholds(int a, int b, int c, int d)
    {
        decimal sum = a + b + c + d;
        return new TierThresholds(a / sum, (a + b) / sum, (a + b + c) / sum);
    }
}
