using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Tiers;

namespace ChatCrm.Bot.Digests;

/// <summary>What one rep logged in the period, by channel.</summary>
public sealed record RepActivity(string RepName, IReadOnlyDictionary<InteractionChannel, int> ByChannel)
{
    public int Total => ByChannel.Values.Sum();
}

/// <summary>A customer's open follow-up whose day has passed (the <see cref="FollowUp"/> rule).</summary>
public sealed record OverdueFollowUp(CustomerId CustomerId, string CustomerName, string OwnerName, DateOnly DueOn, int DaysOverdue);

/// <summary>A Gold or Platinum customer not contacted for a while, or one that dropped from Gold or above.</summary>
public sealed record AtRiskCustomer(CustomerId CustomerId, string CustomerName, ValueTier Tier, LocalizedText Reason);

/// <summary>One manager's digest for one period.</summary>
public sealed record DigestContent(
    string ManagerName, DateTimeOffset Since, DateTimeOffset Until,
    IReadOnlyList<RepActivity> Activity, IReadOnlyList<OverdueFollowUp> Overdue, IReadOnlyList<AtRiskCustomer> AtRisk)
{
    /// <summary>Every customer the digest names (each is audited as listed).</summary>
    public IEnumerable<CustomerId> CustomersListed => Overdue.Select(o => o.CustomerId).Concat(AtRisk.Select(a => a.CustomerId)).Distinct();
}
