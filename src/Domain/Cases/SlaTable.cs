using ChatCrm.Domain.Tiers;

namespace ChatCrm.Domain.Cases;

/// <summary>
/// How long a case may take to resolve, and to get its first response, by the customer's value tier and the case's
/// priority: better customers and more urgent problems get shorter targets. A table rather than a formula, because
/// service contracts are written as tables; configuration can replace <see cref="Default"/> entry by entry. Targets
/// are business time: the work group's <see cref="BusinessCalendar"/> says when it runs (round the clock by default).
/// </summary>
public sealed class SlaTable
{
    private readonly Dictionary<(ValueTier, CasePriority), TimeSpan> _targets;
    private readonly Dictionary<(ValueTier, CasePriority), TimeSpan> _firstResponse;

    /// <param name="firstResponse">First-response targets; null takes <see cref="DefaultFirstResponse"/>.</param>
    public SlaTable(IReadOnlyDictionary<(ValueTier Tier, CasePriority Priority), TimeSpan> targets,
        IReadOnlyDictionary<(ValueTier Tier, CasePriority Priority), TimeSpan>? firstResponse = null)
    {
        _targets = Check(targets, "SLA");
        _firstResponse = Check(firstResponse ?? DefaultFirstResponse, "first-response");
    }

    /// <summary>Hours to the first response: Bronze 24 for Low down to 2 for Urgent; Platinum 8 down to half an hour.</summary>
    public static IReadOnlyDictionary<(ValueTier Tier, CasePriority Priority), TimeSpan> DefaultFirstResponse { get; } =
        new Dictionary<(ValueTier, CasePriority), TimeSpan>
        {
            [(ValueTier.Bronze, CasePriority.Low)] = TimeSpan.FromHours(24),
            [(ValueTier.Bronze, CasePriority.Normal)] = TimeSpan.FromHours(8),
            [(ValueTier.Bronze, CasePriority.High)] = TimeSpan.FromHours(4),
            [(ValueTier.Bronze, CasePriority.Urgent)] = TimeSpan.FromHours(2),
            [(ValueTier.Silver, CasePriority.Low)] = TimeSpan.FromHours(16),
            [(ValueTier.Silver, CasePriority.Normal)] = TimeSpan.FromHours(6),
            [(ValueTier.Silver, CasePriority.High)] = TimeSpan.FromHours(3),
            [(ValueTier.Silver, CasePriority.Urgent)] = TimeSpan.FromHours(1),
            [(ValueTier.Gold, CasePriority.Low)] = TimeSpan.FromHours(12),
            [(ValueTier.Gold, CasePriority.Normal)] = TimeSpan.FromHours(4),
            [(ValueTier.Gold, CasePriority.High)] = TimeSpan.FromHours(2),
            [(ValueTier.Gold, CasePriority.Urgent)] = TimeSpan.FromHours(1),
            [(ValueTier.Platinum, CasePriority.Low)] = TimeSpan.FromHours(8),
            [(ValueTier.Platinum, CasePriority.Normal)] = TimeSpan.FromHours(2),
            [(ValueTier.Platinum, CasePriority.High)] = TimeSpan.FromHours(1),
            [(ValueTier.Platinum, CasePriority.Urgent)] = TimeSpan.FromMinutes(30),
        };

    private static Dictionary<(ValueTier, CasePriority), TimeSpan> Check(IReadOnlyDictionary<(ValueTier Tier, CasePriority Priority), TimeSpan> targets, string what)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var checkedTargets = new Dictionary<(ValueTier, CasePriority), TimeSpan>();
        foreach (var tier in Enum.GetValues<ValueTier>())
        {
            foreach (var priority in Enum.GetValues<CasePriority>())
            {
                if (!targets.TryGetValue((tier, priority), out var target))
                    throw new ArgumentException($"The {what} table has no target for {tier} × {priority}.", nameof(targets));
                if (target <= TimeSpan.Zero)
                    throw new ArgumentException($"The {what} target for {tier} × {priority} must be positive.", nameof(targets));
                checkedTargets[(tier, priority)] = target;
            }
        }
        return checkedTargets;
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

    /// <summary>The first-response target; a customer without a tier yet is treated as Bronze.</summary>
    public TimeSpan FirstResponseTarget(ValueTier? tier, CasePriority priority) => _firstResponse[(tier ?? ValueTier.Bronze, priority)];

    public DateTimeOffset DueAt(ValueTier? tier, CasePriority priority, DateTimeOffset openedAt) => openedAt.ToUniversalTime() + Target(tier, priority);
}
