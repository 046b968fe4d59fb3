using ChatCrm.Domain.Interactions;

namespace ChatCrm.Infrastructure.Charts;

/// <summary>Interactions the team logged in one week (<see cref="Since"/> included, seven days).</summary>
public sealed record WeekCount(DateTimeOffset Since, int Interactions);

/// <summary>Interactions one rep of the team logged in the period.</summary>
public sealed record RepCount(string RepName, int Interactions);

/// <summary>
/// The figures a manager's charts draw: the team's interactions week by week up to the end of the period (oldest
/// first), and in the period by rep and by channel. Counts only: no customer is named.
/// </summary>
public sealed record TeamChartData(IReadOnlyList<WeekCount> Weeks, IReadOnlyList<RepCount> ByRep, IReadOnlyList<KeyValuePair<InteractionChannel, int>> ByChannel)
{
    /// <summary>True when the team has nobody in it: there is nothing to chart.</summary>
    public bool NoTeam => ByRep.Count == 0;

    public int PeriodTotal => ByRep.Sum(r => r.Interactions);
}
