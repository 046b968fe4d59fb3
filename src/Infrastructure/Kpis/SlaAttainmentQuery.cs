using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Kpis;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Kpis;

/// <summary>
/// Computes a manager's <see cref="SlaAttainment"/> for a period: the cases of the live customers the manager's reps
/// own (the team of <see cref="TeamKpiQuery"/>) first answered or resolved in the period, each judged by
/// <see cref="SlaClock"/> on its work group's calendar. The database narrows to those cases; the clock runs in memory,
/// since business hours and pauses are no SQL.
/// </summary>
public sealed class SlaAttainmentQuery(CrmDbContext db, SlaTable table, SlaCalendars calendars)
{
    public async Task<SlaAttainment> ComputeAsync(UserId managerId, KpiPeriod period, CancellationToken cancellationToken)
    {
        var owners = db.Users.Where(u => u.ManagerId == managerId).Select(u => (UserId?)u.Id);
        var customers = db.Customers.Where(c => owners.Contains(c.OwnerId) && c.ErasedAt == null && c.MergedIntoId == null).Select(c => c.Id);
        var cases = await db.SupportCases.AsNoTracking().Include(c => c.History)
            .Where(c => customers.Contains(c.CustomerId))
            .Where(c => (c.FirstResponseAt >= period.Since && c.FirstResponseAt < period.Until) || (c.ResolvedAt >= period.Since && c.ResolvedAt < period.Until))
            .ToListAsync(cancellationToken);
        int responseMet = 0, responses = 0, resolutionMet = 0, resolutions = 0;
        foreach (var supportCase in cases)
        {
            var reading = SlaClock.Read(supportCase, table, calendars.For(supportCase.WorkGroup), period.Until);
            if (reading.FirstResponse.DoneAt is { } responded && period.Contains(responded))
            {
                responses++;
                responseMet += reading.FirstResponse.IsMet ? 1 : 0;
            }
            if (supportCase.ResolvedAt is { } resolved && period.Contains(resolved))
            {
                resolutions++;
                resolutionMet += reading.Resolution.IsMet ? 1 : 0;
            }
        }
        return new SlaAttainment(responseMet, responses, resolutionMet, resolutions);
    }
}
