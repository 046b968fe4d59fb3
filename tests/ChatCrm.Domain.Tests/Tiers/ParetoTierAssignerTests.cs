using ChatCrm.Domain.Common;
using ChatCrm.Domain.Tiers;

namespace ChatCrm.Domain.Tests.Tiers;

public sealed class ParetoTierAssignerTests
{
    [Fact]
    public void Rank_TenCustomersParetoShaped_CumulativeSharesDecideTheTiers()
    {
        // Total 1,000: 400 (0% before) and 300 (40% before) are Platinum — together they complete the first 50%.
        // 100 starts at 70% → Gold; the next 100 at 80% → Silver; 50 at 90% → Silver; the rest start at ≥ 95% → Bronze.
        decimal[] values = [400m, 300m, 100m, 100m, 50m, 20m, 15m, 10m, 5m, 0m];

        var tiers = TierRanking.Rank(values, TierThresholds.Default);

        Assert.Equal(
            [ValueTier.Platinum, ValueTier.Platinum, ValueTier.Gold, ValueTier.Gold, ValueTier.Silver, ValueTier.Bronze, ValueTier.Bronze, ValueTier.Bronze, ValueTier.Bronze, ValueTier.Bronze],
            tiers);
    }

    [Fact]
    public void Rank_EqualValuesStraddlingAThreshold_ShareTheBetterTier()
    {
        // Taken one by one the 100s would start at 0%, 29% and 57% (Gold); counted from what is strictly more valuable, all start at 0%.
        decimal[] values = [100m, 100m, 100m, 50m]; // total 350; the 50 starts at 86%

        var tiers = TierRanking.Rank(values, TierThresholds.Default);

        Assert.Equal([ValueTier.Platinum, ValueTier.Platinum, ValueTier.Platinum, ValueTier.Silver], tiers);
    }

    [Fact]
    public void Rank_AllValuesZero_EveryoneIsBronze()
    {
        Assert.All(TierRanking.Rank([0m, 0m, 0m], TierThresholds.Default), t => Assert.Equal(ValueTier.Bronze, t));
    }

    [Fact]
    public void Rank_OneCustomerWithValue_IsPlatinumAndTheZerosAreBronze()
    {
        Assert.Equal([ValueTier.Bronze, ValueTier.Platinum, ValueTier.Bronze], TierRanking.Rank([0m, 5m, 0m], TierThresholds.Default));
    }

    [Fact]
    public void Next_ValueRisesAgainstTheOrder_IsRefusedWithAReason()
    {
        var assigner = new ParetoTierAssigner(30m, TierThresholds.Default);
        assigner.Next(10m);

        var error = Assert.Throws<DomainRuleException>(() => assigner.Next(20m));

        Assert.Contains("most valuable first", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_ValuesExceedTheTotal_IsRefused()
    {
        var assigner = new ParetoTierAssigner(10m, TierThresholds.Default);
        assigner.Next(8m);

        Assert.Throws<DomainRuleException>(() => assigner.Next(5m));
    }

    [Fact]
    public void Next_NegativeValue_IsRefused()
    {
        Assert.Throws<DomainRuleException>(() => new ParetoTierAssigner(10m, TierThresholds.Default).Next(-1m));
    }

    [Theory]
    [InlineData(0, 0.8, 0.95)]
    [InlineData(0.5, 0.5, 0.95)]
    [InlineData(0.8, 0.5, 0.95)]
    [InlineData(0.5, 0.8, 1)]
    [InlineData(-0.1, 0.8, 0.95)]
    public void TierThresholds_NotStrictlyAscendingInsideZeroAndOne_IsRefused(double platinum, double gold, double silver)
    {
        var error = Assert.Throws<DomainRuleException>(() => new TierThresholds((decimal)platinum, (decimal)gold, (decimal)silver));

        Assert.Contains("Tier thresholds must", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TierThresholds_CustomCut_MovesTheBoundaries()
    {
        decimal[] values = [30m, 25m, 20m, 15m, 10m]; // starts at 0%, 30%, 55%, 75%, 90%

        Assert.Equal([ValueTier.Platinum, ValueTier.Platinum, ValueTier.Gold, ValueTier.Gold, ValueTier.Silver],
            TierRanking.Rank(values, TierThresholds.Default));
        Assert.Equal([ValueTier.Platinum, ValueTier.Gold, ValueTier.Silver, ValueTier.Bronze, ValueTier.Bronze],
            TierRanking.Rank(values, new TierThresholds(0.2m, 0.4m, 0.6m)));
    }
}
