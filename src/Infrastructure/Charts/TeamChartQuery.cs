using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Kpis;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Charts;

/// <summary>
/// The figures of a manager's charts (<see cref="TeamChartData"/>), with the scope the text KPIs use: interactions
/// logged by the reps reporting to the manager, counted by when they were recorded, so a period that has ended always
/// draws the same picture. Every figure is counted in the database (one grouped query for the period, one count per
/// week of the trend); no interaction is loaded.
/// </summary>
public sealed class TeamChartQuery(CrmDbContext db)
{
    public const int MaxWeeks = 26;

    /// <param name="weeks">How many weeks the trend shows, ending where the period ends (1 to <see cref="MaxWeeks"/>).</param>
    public async Task<TeamChartData> ComputeAsync(UserId managerId, KpiPeriod period, int weeks, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(weeks, MaxWeeks);
        var team = await db.Users.AsNoTracking().Where(u => u.ManagerId == managerId)
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        var repIds = team.Select(r => r.Id).ToList();
        var logged = db.Interactions.AsNoTracking().Where(i => repIds.Contains(i.LoggedBy));

        var counts = await logged.Where(i => i.RecordedAt >= period.Since && i.RecordedAt < period.Until)
            .GroupBy(i => new { i.LoggedBy, i.Channel })
            .Select(g => new { g.Key.LoggedBy, g.Key.Channel, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var byRep = team
            .Select(r => new RepCount(r.DisplayName, counts.Where(c => c.LoggedBy == r.Id).Sum(c => c.Count)))
            .OrderByDescending(r => r.Interactions).ThenBy(r => r.RepName, StringComparer.Ordinal)
            .ToList();
        var byChannel = counts.GroupBy(c => c.Channel)
            .Select(g => new KeyValuePair<InteractionChannel, int>(g.Key, g.Sum(c => c.Count)))
            .OrderByDescending(c => c.Value).ThenBy(c => c.Key)
            .ToList();

        var weekly = new List<WeekCount>(weeks);
        var until = period.Until.ToUniversalTime();
        for (var w = weeks; w >= 1; w--)
        {
            var since = until.AddDays(-7 * w);
            var end = since.AddDays(7);
            weekly.Add(new WeekCount(since, repIds.Count == 0 ? 0
                : await logged.CountAsync(i => i.RecordedAt >= since && i.RecordedAt < end, cancellationToken)));
        }
        return new TeamChartData(weekly, byRep, byChannel);
    }
}
