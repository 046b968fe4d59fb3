namespace ChatCrm.Domain.Cases;

/// <summary>The two promises a case makes: a first response, and a resolution.</summary>
public enum SlaTarget
{
    FirstResponse = 1,
    Resolution = 2,
}

/// <summary>
/// Where one target stands on the business clock: the business time allowed and used so far (pauses left out), when it
/// falls due (were the clock to run on from now), and when it was met, if it was (the first response, the resolution).
/// </summary>
public sealed record SlaTargetReading(SlaTarget Target, TimeSpan Allowed, TimeSpan Used, DateTimeOffset DueAt, DateTimeOffset? DoneAt)
{
    /// <summary>The share of the target used (1 at the due time).</summary>
    public double Share => Used / Allowed;

    public bool IsDone => DoneAt is not null;

    /// <summary>Done within the target.</summary>
    public bool IsMet => IsDone && Used <= Allowed;

    /// <summary>The target is used up: the promise is broken (or was, if done late).</summary>
    public bool IsBreached => Used >= Allowed && !IsMet;
}

/// <summary>Both targets of a case, and whether its clock stands still now (waiting on the customer, or resolved).</summary>
public sealed record SlaClockReading(SlaTargetReading FirstResponse, SlaTargetReading Resolution, bool IsPaused)
{
    public SlaTargetReading this[SlaTarget target] => target == SlaTarget.FirstResponse ? FirstResponse : Resolution;
}

/// <summary>
/// The business-hours SLA clock of a case. Pure: the case (with its history), the table, the work group's calendar and
/// the time in; both targets' readings out. The clock runs in the calendar's working time from the case's opening and
/// stands still while the case waits on the customer or is resolved: those intervals are read from the case's
/// permanent history, so nothing else has to be stored. The first response is <see cref="SupportCase.FirstResponseAt"/>
/// (moving the case to waiting on the customer), or the resolution when the case was resolved without one.
/// </summary>
public static class SlaClock
{
    public static SlaClockReading Read(SupportCase supportCase, SlaTable table, BusinessCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(calendar);
        var pauses = Pauses(supportCase);
        var closed = pauses.Select(p => p with { End = p.End ?? (now > p.Start ? now : p.Start) }).ToList();
        DateTimeOffset? resolvedAt = supportCase.IsActive ? null : supportCase.ResolvedAt ?? now;
        var responded = supportCase.FirstResponseAt ?? resolvedAt;
        return new SlaClockReading(
            Target(SlaTarget.FirstResponse, table.FirstResponseTarget(supportCase.Tier, supportCase.Priority), supportCase.CreatedAt, responded, now, calendar, closed),
            Target(SlaTarget.Resolution, table.Target(supportCase.Tier, supportCase.Priority), supportCase.CreatedAt, resolvedAt, now, calendar, closed),
            pauses.Count > 0 && pauses[^1].End is null);
    }

    /// <summary>The intervals the clock stood still, from the history: each stay in waiting on the customer or resolved; the last may still be open.</summary>
    public static IReadOnlyList<TimeInterval> Pauses(SupportCase supportCase)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        var pauses = new List<TimeInterval>();
        DateTimeOffset? since = null;
        foreach (var entry in supportCase.History.Where(h => h.Change == CaseChange.StatusChanged).OrderBy(h => h.Sequence))
        {
            var stops = StopsClock(entry.To);
            if (stops && since is null)
                since = entry.At;
            else if (!stops && since is { } start)
            {
                pauses.Add(new TimeInterval(start, entry.At));
                since = null;
            }
        }
        if (since is { } open)
            pauses.Add(new TimeInterval(open, null));
        return pauses;
    }

    private static bool StopsClock(string? status) =>
        status is nameof(CaseStatus.WaitingOnCustomer) or nameof(CaseStatus.Resolved) or nameof(CaseStatus.Closed);

    private static SlaTargetReading Target(SlaTarget target, TimeSpan allowed, DateTimeOffset openedAt, DateTimeOffset? doneAt, DateTimeOffset now,
        BusinessCalendar calendar, List<TimeInterval> pauses)
    {
        var end = doneAt ?? now;
        var used = calendar.Elapsed(openedAt, end, pauses);
        var due = calendar.DueAt(openedAt, allowed, pauses);
        return new SlaTargetReading(target, allowed, used, due, doneAt);
    }
}
