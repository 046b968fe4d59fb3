namespace ChatCrm.Domain.Cases;

/// <summary>One stretch of working time within a local day, from <see cref="Start"/> up to <see cref="End"/> (24:00 is written as <see cref="TimeOnly.MaxValue"/>).</summary>
public readonly record struct WorkingSpan(TimeOnly Start, TimeOnly End)
{
    /// <summary>True when the span ends at midnight ("17:00-24:00").</summary>
    public bool EndsAtMidnight => End == TimeOnly.MaxValue;
}

/// <summary>An interval of time between two instants; <see cref="End"/> null means it has not ended yet.</summary>
public readonly record struct TimeInterval(DateTimeOffset Start, DateTimeOffset? End);
