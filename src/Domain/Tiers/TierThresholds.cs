using System.Globalization;
using ChatCrm.Domain.Common;

namespace ChatCrm.Domain.Tiers;

/// <summary>
/// Where the tiers end, as cumulative shares of the total value: the customers that together bring the first
/// <see cref="Platinum"/> of value are Platinum, up to <see cref="Gold"/> Gold, up to <see cref="Silver"/> Silver,
/// the rest Bronze. The shares must rise strictly and lie strictly between 0 and 1, or a tier would be empty
/// by construction (or swallow everyone).
/// </summary>
public sealed record TierThresholds
{
    /// <summary>50% / 80% / 95%: the classic Pareto cut, with a Silver band before the long tail.</summary>
    public static readonly TierThresholds Default = new(0.50m, 0.80m, 0.95m);

    public TierThresholds(decimal platinum, decimal gold, decimal silver)
    {
        if (Problem(platinum, gold, silver) is { } problem)
            throw new DomainRuleException(problem);
        Platinum = platinum;
        Gold = gold;
        Silver = silver;
    }

    public decimal Platinum { get; }

    public decimal Gold { get; }

    public decimal Silver { get; }

    /// <summary>Why these shares cannot be thresholds, in plain words; null when they can.</summary>
    public static string? Problem(decimal platinum, decimal gold, decimal silver)
    {
        if (platinum <= 0m || silver >= 1m)
            return $"Tier thresholds must lie strictly between 0 and 1 (got Platinum {Show(platinum)}, Gold {Show(gold)}, Silver {Show(silver)}).";
        if (!(platinum < gold && gold < silver))
            return $"Tier thresholds must rise strictly: Platinum < Gold < Silver (got {Show(platinum)}, {Show(gold)}, {Show(silver)}).";
        return null;
    }

    /// <summary>
    /// The tier of a customer with value, given the value held by customers strictly more valuable
    /// (<paramref name="valueBefore"/>) out of <paramref name="total"/>: a customer is in the first band whose end
    /// that value has not yet reached. Compared as <c>valueBefore &lt; share × total</c>, which is exact for
    /// configured shares such as 0.95, where a division would round.
    /// </summary>
    public ValueTier TierFor(decimal valueBefore, decimal total) =>
        valueBefore < Platinum * total ? ValueTier.Platinum
        : valueBefore < Gold * total ? ValueTier.Gold
        : valueBefore < Silver * total ? ValueTier.Silver
        : ValueTier.Bronze;

    /// <summary>The cumulative share at which <paramref name="tier"/> ends (1 for Bronze).</summary>
    public decimal UpperBound(ValueTier tier) => tier switch
    {
        ValueTier.Platinum => Platinum,
        ValueTier.Gold => Gold,
        ValueTier.Silver => Silver,
        _ => 1m,
    };

    private static string Show(decimal share) => share.ToString(CultureInfo.InvariantCulture);
}
