using ChatCrm.Domain.Tiers;

namespace ChatCrm.Domain.Cases;

/// <summary>
/// How long a case may take to resolve, by the customer's value tier and the case's priority: better customers
/// and more urgent problems get shorter targets. A table rather than a formula, because service contracts are
/// written as tables; configuration can replace <see cref="Default"/> entry by entry.
/// </summary>
public sealed class SlaTable
{
    private readonly Dictionary<(ValueTier, CasePriority), TimeSpan> _targets;

    public SlaTable(IReadOnlyDictionary<(ValueTier Tier, CasePriority Priority), TimeSpan> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        _targets = new Dictionary<(ValueTier, CasePriority), TimeSpan>();
        foreach (var tier in Enum.GetValues<ValueTier>())
        {
            foreach (var priority in Enum.GetValues<CasePriority>())
            {
                if (!targets.TryGetValue((tier, priority), out var target))
                    throw new ArgumentException($"The SLA table has no target for {tier} × {priority}.", nameof(targets));
                if (target <= TimeSpan.Zero)
                    throw new ArgumentException($"The SLA target for {tier} × {priority} must be positive.", nameof(targets));
                _targets[(tier, priority)] = target;
            }
        }
    }

    /// <summary>Hours to resolve: Bronze gets 5 days for Low down to 8 hours for Urgent; Platinum 2 days down to 2 hours.</summary>
    public static SlaTable Default { get; } = new(new Dictionary<(ValueTier, CasePriority), TimeSpan>
    {
        [(ValueTier.Bronze, CasePriority.Low)] = TimeSpan.FromHours(120),
        [(ValueTier.Bronze, CasePriority.Normal)] = TimeSpan.FromHours(72),
        [(ValueTier.Bronze, CasePriority.High)] = TimeSpan.FromHours(24),
        [(ValueTier.Bronze, CasePriority.Urgent)] = TimeSpan.FromHours(8),
        [(ValueTier.Silver, CasePriority.Low)] = TimeSpan.FromHours(96),
        [(ValueTier.Silver, CasePriority.Normal)] = TimeSpan.FromHours(48),
        [(ValueTier.Silver, CasePriority.High)] = TimeSpan.FromHours(16),
        [(ValueTier.Silver, CasePriority.Urgent)] = TimeSpan.FromHours(6),
        [(ValueTier.Gold, CasePriority.Low)] = TimeSpan.FromHours(72),
        [(ValueTier.Gold, CasePriority.Normal)] = TimeSpan.FromHours(36),
        [(ValueTier.Gold, CasePriority.High)] = TimeSpan.FromHours(12),
        [(ValueTier.Gold, CasePriority.Urgent)] = TimeSpan.FromHours(4),
        [(ValueTier.Platinum, CasePriority.Low)] = TimeSpan.FromHours(48),
        [(ValueTier.Platinum, CasePriority.Normal)] = TimeSpan.FromHours(24),
        [(ValueTier.Platinum, CasePriority.High)] = TimeSpan.FromHours(8),
        [(ValueTier.Platinum, CasePriority.Urgent)] = TimeSpan.FromHours(2),
    });

    /// <summary>The resolution target; a customer without a tier yet is treated as Bronze.</summary>
    public TimeSpan Target(ValueTier? tier, CasePriority priority) => _targets[(tier ?? ValueTier.Bronze, priority)];

    public DateTimeOffset DueAt(ValueTier? tier, CasePriority priority, DateTimeOffset openedAt) => openedAt.ToUniversalTime() + Target(tier, priority);
}
