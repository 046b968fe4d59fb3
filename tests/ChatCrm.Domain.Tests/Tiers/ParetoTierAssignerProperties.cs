using ChatCrm.Domain.Tiers;
using FsCheck;
using FsCheck.Xunit;

namespace ChatCrm.Domain.Tests.Tiers;

/// <summary>
/// What must hold for any customers and any valid thresholds. Values are whole cents drawn from small ranges
/// so ties (the hard case) are common.
/// </summary>
public sealed class ParetoTierAssignerProperties
{
    [Property(MaxTest = 300)]
    public void Rank_AnyCustomers_TiersPartitionAllCustomers(NonNegativeInt[] cents, PositiveInt a, PositiveInt b, PositiveInt c, PositiveInt d)
    {
        var values = Values(cents);

        var tiers = TierRanking.Rank(values, TierRanking.Thresholds(a.Get, b.Get, c.Get, d.Get));

        Assert.Equal(values.Length, tiers.Length);
        Assert.All(tiers, t => Assert.True(Enum.IsDefined(t)));
        var groups = Enumerable.Range(0, tiers.Length).GroupBy(i => tiers[i]).ToList();
        Assert.Equal(values.Length, groups.Sum(g => g.Count()));
        Assert.Equal(Enumerable.Range(0, values.Length), groups.SelectMany(g => g).Order());
    }

    [Property(MaxTest = 300)]
    public void Rank_AnyCustomers_HigherValueNeverGetsALowerTier(NonNegativeInt[] cents, PositiveInt a, PositiveInt b, PositiveInt c, PositiveInt d)
    {
        var values = Values(cents);

        var tiers = TierRanking.Rank(values, TierRanking.Thresholds(a.Get, b.Get, c.Get, d.Get));

        for (var i = 0; i < values.Length; i++)
        {
            for (var j = 0; j < values.Length; j++)
            {
                if (values[i] > values[j])
                    Assert.True(tiers[i] >= tiers[j], $"{values[i]} got {tiers[i]} but {values[j]} got {tiers[j]}");
                if (values[i] == values[j])
                    Assert.Equal(tiers[i], tiers[j]);
            }
        }
    }

    [Property(MaxTest = 300)]
    public void Rank_AnyCustomers_EachTierHoldsAtLeastItsShareAndNoMoreThanItNeeds(NonNegativeInt[] cents, PositiveInt a, PositiveInt b, PositiveInt c, PositiveInt d)
    {
        var values = Values(cents);
        var thresholds = TierRanking.Thresholds(a.Get, b.Get, c.Get, d.Get);
        var total = values.Sum();

        var tiers = TierRanking.Rank(values, thresholds);

        foreach (var tier in new[] { ValueTier.Platinum, ValueTier.Gold, ValueTier.Silver })
        {
            var bound = thresholds.UpperBound(tier);
            var atLeast = Enumerable.Range(0, values.Length).Where(i => tiers[i] >= tier).ToList();
            if (total == 0m)
            {
                Assert.Empty(atLeast);
                continue;
            }
            // Together, this tier and the better ones bring at least the tier's cumulative share...
            Assert.True(atLeast.Sum(i => values[i]) >= bound * total, $"{tier} and better hold less than {bound:P0}");
            // ...and each member is needed: what is strictly more valuable than it falls short of that share.
            foreach (var i in atLeast)
            {
                var before = values.Where(v => v > values[i]).Sum();
                Assert.True(values[i] > 0m && before < bound * total, $"{values[i]} is in {tiers[i]} though {before} of {total} comes before it");
            }
        }
    }

    [Property(MaxTest = 200)]
    public void Rank_ZeroValues_AreAlwaysBronze(NonNegativeInt[] cents, PositiveInt zeros)
    {
        var values = Values(cents).Concat(Enumerable.Repeat(0m, zeros.Get % 5 + 1)).ToArray();

        var tiers = TierRanking.Rank(values, TierThresholds.Default);

        Assert.All(Enumerable.Range(0, values.Length).Where(i => values[i] == 0m), i => Assert.Equal(ValueTier.Bronze, tiers[i]));
    }

    /// <summary>0.00 to 9.99 in a few coarse steps: plenty of equal values.</summary>
    private static decimal[] Values(NonNegativeInt[] cents) => [.. cents.Select(c => (c.Get % 12) * 83m / 100m)];
}
