using ChatCrm.Domain.Common;

namespace ChatCrm.Domain.Tiers;

/// <summary>
/// Gives each customer a tier in one streaming pass over customers sorted by value, most valuable first, given
/// the grand total up front. A customer's tier depends on the share of value held by customers <em>strictly</em>
/// more valuable than them, so equal values always share a tier and the customer who crosses a threshold still
/// belongs to the band they started in (the customers that together bring the first 50% include the one that
/// completes it). Customers with no value are Bronze; when the total is 0 everyone is Bronze.
/// <para>Memory is constant: it remembers only the running sum and the previous value.</para>
/// </summary>
public sealed class ParetoTierAssigner
{
    private readonly decimal _total;
    private readonly TierThresholds _thresholds;
    private decimal _sumSoFar;
    private decimal _sumBeforeCurrentValue;
    private decimal? _previousValue;
    private ValueTier _previousTier;

    public ParetoTierAssigner(decimal total, TierThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        if (total < 0m)
            throw new DomainRuleException($"The total value cannot be negative (got {total}).");
        _total = total;
        _thresholds = thresholds;
    }

    /// <summary>How many customers have been assigned so far.</summary>
    public long Assigned { get; private set; }

    /// <summary>The tier of the next customer, whose value must not exceed the previous customer's.</summary>
    public ValueTier Next(decimal value)
    {
        if (value < 0m)
            throw new DomainRuleException($"A customer's value cannot be negative (got {value}).");
        if (_previousValue is { } previous)
        {
            if (value > previous)
                throw new DomainRuleException($"Customers must come most valuable first: {value} came after {previous}.");
            if (value == previous)
                return Count(value, _previousTier);
        }

        _sumBeforeCurrentValue = _sumSoFar;
        _previousValue = value;
        _previousTier = value == 0m || _total == 0m
            ? ValueTier.Bronze
            : _thresholds.TierFor(_sumBeforeCurrentValue, _total);
        return Count(value, _previousTier);
    }

    /// <summary>Assigns a whole sorted sequence lazily: each item with its tier, in the same order.</summary>
    public static IEnumerable<(T Item, ValueTier Tier)> Assign<T>(IEnumerable<T> sortedByValueDescending, Func<T, decimal> value,
        decimal total, TierThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(sortedByValueDescending);
        ArgumentNullException.ThrowIfNull(value);
        var assigner = new ParetoTierAssigner(total, thresholds);
        foreach (var item in sortedByValueDescending)
            yield return (item, assigner.Next(value(item)));
    }

    private ValueTier Count(decimal value, ValueTier tier)
    {
        _sumSoFar += value;
        if (_sumSoFar > _total)
            throw new DomainRuleException($"The customers' values add up to more than the total given ({_sumSoFar} > {_total}).");
        Assigned++;
        return tier;
    }
}
