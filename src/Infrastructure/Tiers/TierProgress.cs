namespace ChatCrm.Infrastructure.Tiers;

/// <summary>Where a recalculation stands: <paramref name="Stage"/> is e.g. "assigning tiers"; the counts are in customers (or changes).</summary>
public sealed record TierProgress(string Stage, long Done, long Total);
