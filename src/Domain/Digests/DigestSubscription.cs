using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Digests;

public enum DigestFrequency
{
    Daily = 1,
    Weekly = 2,
}

/// <summary>The chat tool a digest is delivered in.</summary>
public enum DigestChannel
{
    Teams = 1,
    Slack = 2,
}

/// <summary>
/// A manager's standing order for a digest: how often, at what local time (on which weekday for a weekly one), in
/// which chat tool, and in which time zone — kept with the order, so that the time keeps meaning "08:00 where I am".
/// </summary>
public sealed class DigestSubscription
{
    private DigestSubscription()
    {
        TimeZone = "UTC";
    }

    public UserId ManagerId { get; private set; }

    public DigestFrequency Frequency { get; private set; }

    /// <summary>The weekday of a weekly digest; null for a daily one.</summary>
    public DayOfWeek? Day { get; private set; }

    public TimeOnly LocalTime { get; private set; }

    public DigestChannel Channel { get; private set; }

    /// <summary>
    /// IANA time zone id, as the manager's profile had it when they chose the time (kept for the record). The digest
    /// runs in the manager's current zone (<see cref="ScheduleIn"/>): "08:00" keeps meaning 08:00 where they are now.
    /// </summary>
    public string TimeZone { get; private set; }

    /// <summary>When the current setting was chosen: no digest is due for a period that ended before it.</summary>
    public DateTimeOffset ChosenAt { get; private set; }

    public static DigestSubscription Choose(User manager, DigestRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(request);
        if (manager.Role != UserRole.Manager)
            throw new DomainRuleException("Digests are for managers: they summarise the team that reports to you.");
        var subscription = new DigestSubscription { ManagerId = manager.Id };
        subscription.Change(request, manager.TimeZone, now);
        return subscription;
    }

    public void Change(DigestRequest request, string timeZone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        Frequency = request.Frequency;
        Day = request.Frequency == DigestFrequency.Weekly ? request.Day ?? DayOfWeek.Monday : null;
        LocalTime = request.LocalTime;
        Channel = request.Channel;
        TimeZone = Guard.RequiredText(timeZone, "time zone", 64);
        ChosenAt = now.ToUniversalTime();
    }

    public DigestSchedule Schedule => ScheduleIn(TimeZone);

    /// <summary>The schedule in <paramref name="timeZone"/>, the manager's zone now (it may have changed since the choice).</summary>
    public DigestSchedule ScheduleIn(string timeZone) => new(Frequency, Day, LocalTime, timeZone);
}
