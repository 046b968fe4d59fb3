using ChatCrm.Domain.Digests;

namespace ChatCrm.Domain.Tests.Digests;

public sealed class DigestScheduleTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private static DigestSchedule Daily(string zone, int hour, int minute = 0) => new(DigestFrequency.Daily, null, new TimeOnly(hour, minute), zone);

    [Fact]
    public void LatestAtOrBefore_MadridDailyAcrossSpringForward_FollowsTheLocalClock()
    {
        var schedule = Daily("Europe/Madrid", 8);

        // 08:00 CET is 07:00 UTC the day before the switch, 08:00 CEST is 06:00 UTC on the switch day (2026-03-29).
        Assert.Equal(Utc(2026, 3, 28, 7), schedule.LatestAtOrBefore(Utc(2026, 3, 28, 12)).DueAt);
        var onSwitchDay = schedule.LatestAtOrBefore(Utc(2026, 3, 29, 12));
        Assert.Equal(Utc(2026, 3, 29, 6), onSwitchDay.DueAt);
        Assert.Equal("daily:2026-03-29", onSwitchDay.PeriodKey);
    }

    [Fact]
    public void LatestAtOrBefore_MadridTimeSkippedBySpringForward_IsSentJustAfterTheJump()
    {
        var schedule = Daily("Europe/Madrid", 2, 30);

        // 02:30 does not exist on 2026-03-29 in Madrid (02:00 → 03:00): sent at 03:30 CEST = 01:30 UTC, once that day.
        var due = schedule.LatestAtOrBefore(Utc(2026, 3, 29, 5));
        Assert.Equal(Utc(2026, 3, 29, 1, 30), due.DueAt);
        Assert.Equal("daily:2026-03-29", due.PeriodKey);
    }

    [Fact]
    public void LatestAtOrBefore_MadridTimeRepeatedByFallBack_IsSentTheFirstTimeOnly()
    {
        var schedule = Daily("Europe/Madrid", 2, 30);

        // 02:30 happens twice on 2026-10-25 (03:00 CEST → 02:00 CET): the first, 00:30 UTC, is the occurrence;
        // at the second (01:30 UTC) the latest occurrence is still the same one, with the same period key.
        var first = schedule.LatestAtOrBefore(Utc(2026, 10, 25, 0, 45));
        var second = schedule.LatestAtOrBefore(Utc(2026, 10, 25, 1, 45));
        Assert.Equal(Utc(2026, 10, 25, 0, 30), first.DueAt);
        Assert.Equal(first, second);
    }

    [Fact]
    public void LatestAtOrBefore_NewYorkAcrossBothSwitches_KeepsNineInTheMorning()
    {
        var schedule = Daily("America/New_York", 9);

        Assert.Equal(Utc(2026, 3, 7, 14), schedule.LatestAtOrBefore(Utc(2026, 3, 7, 20)).DueAt);  // EST, UTC-5
        Assert.Equal(Utc(2026, 3, 8, 13), schedule.LatestAtOrBefore(Utc(2026, 3, 8, 20)).DueAt);  // EDT from 2026-03-08
        Assert.Equal(Utc(2026, 10, 31, 13), schedule.LatestAtOrBefore(Utc(2026, 10, 31, 20)).DueAt);
        Assert.Equal(Utc(2026, 11, 1, 14), schedule.LatestAtOrBefore(Utc(2026, 11, 1, 20)).DueAt); // EST again from 2026-11-01
    }

    [Fact]
    public void LatestAtOrBefore_BeforeTodaysTime_IsYesterdays()
    {
        var schedule = Daily("Europe/Madrid", 8);

        var due = schedule.LatestAtOrBefore(Utc(2026, 6, 10, 5, 59)); // 07:59 in Madrid
        Assert.Equal(Utc(2026, 6, 9, 6), due.DueAt);
        Assert.Equal("daily:2026-06-09", due.PeriodKey);
    }

    [Fact]
    public void LatestAtOrBefore_WeeklyMondayInNewYork_TheMondayBeforeAndThePreviousWeek()
    {
        var schedule = new DigestSchedule(DigestFrequency.Weekly, DayOfWeek.Monday, new TimeOnly(9, 0), "America/New_York");

        // Sunday 2026-11-08: the latest Monday 09:00 is 2026-11-02 (EST, 14:00 UTC); the one before is 2026-10-26 (EDT, 13:00 UTC).
        var due = schedule.LatestAtOrBefore(Utc(2026, 11, 8, 20));
        Assert.Equal(Utc(2026, 11, 2, 14), due.DueAt);
        Assert.Equal("weekly:2026-11-02", due.PeriodKey);
        Assert.Equal(Utc(2026, 10, 26, 13), schedule.Previous(due).DueAt);
    }

    [Fact]
    public void LatestAtOrBefore_UnknownZone_UsesUtc()
    {
        var schedule = Daily("Mars/Olympus_Mons", 8);

        Assert.Equal(Utc(2026, 6, 10, 8), schedule.LatestAtOrBefore(Utc(2026, 6, 10, 9)).DueAt);
    }
}
