using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Inbox;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Cases;

/// <summary>
/// Finds the active cases whose business-hours clock (<see cref="SlaClock"/>) has reached three quarters of a target
/// or used it up, and raises each alert once: an <see cref="SlaAlert"/> row (unique per case, target and threshold)
/// and the pushes it calls for — to the assignee at both thresholds, to the work group's manager at breach — stored
/// in one save as inbox items (<see cref="SlaAlertNotice.Channel"/>), which the inbox delivers. A second instance
/// scanning at the same time, or a scan run again after a restart, finds the row taken: its save fails on the unique
/// index, it forgets what it staged, and nothing is pushed twice. A case waiting on the customer is not scanned: its
/// clock stands still.
/// </summary>
public sealed class SlaAlertScan(CrmDbContext db, SlaTable table, SlaCalendars calendars, TimeProvider time)
{
    private static readonly CaseStatus[] Running = [CaseStatus.Open, CaseStatus.InProgress];

    /// <returns>How many alerts this scan raised (each with its pushes).</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var cases = await db.SupportCases.AsNoTracking().Include(c => c.History).Where(c => Running.Contains(c.Status)).ToListAsync(cancellationToken);
        var raised = (await db.SlaAlerts.AsNoTracking()
                .Where(a => db.SupportCases.Any(c => c.Id == a.CaseId && Running.Contains(c.Status)))
                .Select(a => new { a.CaseId, a.Target, a.Threshold }).ToListAsync(cancellationToken))
            .Select(a => (a.CaseId, a.Target, a.Threshold)).ToHashSet();
        var count = 0;
        foreach (var supportCase in cases)
        {
            var reading = SlaClock.Read(supportCase, table, calendars.For(supportCase.WorkGroup), now);
            foreach (var (target, threshold) in SlaAlertRule.Due(reading))
            {
                if (raised.Contains((supportCase.Id, target, threshold)))
                    continue;
                if (await RaiseAsync(supportCase, target, threshold, now, cancellationToken))
                    count++;
            }
        }
        return count;
    }

    private async Task<bool> RaiseAsync(SupportCase supportCase, SlaTarget target, SlaThreshold threshold, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.SlaAlerts.Add(new SlaAlert(supportCase.Id, target, threshold, now));
        foreach (var (recipient, role) in await RecipientsAsync(supportCase, threshold, cancellationToken))
        {
            var notice = new SlaAlertNotice(supportCase.Id.Value, target, threshold, recipient.Value, role);
            db.InboxItems.Add(new InboxItem(SlaAlertNotice.Channel, SlaAlertNotice.Kind, notice.DedupKey, notice.ToPayload(), now));
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (Exception failure) when (failure is DbUpdateException || failure.InnerException is DbUpdateException)
        {
            // Another instance raised this alert first: it pushes, this one does not. On PostgreSQL two scans inserting at
            // once may also end in a deadlock (reported through the execution strategy): nothing of this one was stored,
            // and the next scan raises the alert if no one else did.
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
                entry.State = EntityState.Detached;
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// The assignee (when the case has one), and at breach the work group's manager: the assignee's manager, or for a
    /// case assigned to the group only, a manager whose team is the work group.
    /// </summary>
    private async Task<List<(UserId, SlaAlertRecipient)>> RecipientsAsync(SupportCase supportCase, SlaThreshold threshold, CancellationToken cancellationToken)
    {
        var recipients = new List<(UserId, SlaAlertRecipient)>();
        UserId? manager = null;
        if (supportCase.AssignedTo is { } assignee)
        {
            recipients.Add((assignee, SlaAlertRecipient.Assignee));
            manager = await db.Users.AsNoTracking().Where(u => u.Id == assignee).Select(u => u.ManagerId).FirstOrDefaultAsync(cancellationToken);
        }
        if (threshold != SlaThreshold.Breach)
            return recipients;
        var group = supportCase.WorkGroup;
        manager ??= (await db.Users.AsNoTracking()
            .Where(u => u.Role == UserRole.Manager && u.Team == group && u.DeactivatedAt == null)
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id }).FirstOrDefaultAsync(cancellationToken))?.Id;
        if (manager is { } found && found != supportCase.AssignedTo)
            recipients.Add((found, SlaAlertRecipient.Manager));
        return recipients;
    }
}
