using ChatCrm.Domain.Cases;

namespace ChatCrm.Domain.Tests.Cases;

/// <summary>The business-hours clock: weekends, holidays, several spans a day, several zones, both clock changes, pauses.</summary>
public sealed class BusinessCalendarTests
{
    private static readonly TimeZoneInfo Madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static BusinessCalendar Weekdays(TimeZoneInfo zone, string hours = "09:00-17:00", params DateOnly[] holidays)
    {
        var spans = hours.Split(',').Select(h => h.Trim().Split('-')).Select(p => new WorkingSpan(TimeOnly.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var days = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .ToDictionary(d => d, IReadOnlyList<WorkingSpan> (_) => spans);
        return new BusinessCalendar(zone, days, holidays);
    }

    /// <summary>Every day from midnight to 06:00 local: the clock changes of Madrid happen inside it.</summary>
    private static BusinessCalendar Nights(TimeZoneInfo zone) => new(zone,
        Enum.GetValues<DayOfWeek>().ToDictionary(d => d, IReadOnlyList<WorkingSpan> (_) => [new WorkingSpan(TimeOnly.MinValue, new TimeOnly(6, 0))]));

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void DueAt_FridayAfternoon_SkipsTheWeekend()
    {
        // Friday 4 December 2026, 16:00 in Madrid (UTC+1): one hour on Friday, seven on Monday.
        var due = Weekdays(Madrid).DueAt(Utc(2026, 12, 4, 15), TimeSpan.FromHours(8));

        Assert.Equal(Utc(2026, 12, 7, 15), due); // Monday 16:00 in Madrid
    }

    [Fact]
    public void DueAt_OverAHoliday_SkipsTheHoliday()
    {
        var calendar = Weekdays(Madrid, holidays: new DateOnly(2026, 12, 8));

        // Monday 7 December 15:00 in Madrid: two hours on Monday, none on Tuesday 8th (a holiday), two on Wednesday.
        var due = calendar.DueAt(Utc(2026, 12, 7, 14), TimeSpan.FromHours(4));

        Assert.Equal(Utc(2026, 12, 9, 10), due); // Wednesday 11:00 in Madrid
        Assert.Equal(TimeSpan.FromHours(2), calendar.Elapsed(Utc(2026, 12, 7, 14), Utc(2026, 12, 9, 8)));
    }

    [Fact]
    public void DueAt_TwoSpansADay_SkipsTheLunchBreak()
    {
        var due = Weekdays(Madrid, "09:00-13:00, 14:00-18:00").DueAt(Utc(2026, 12, 7, 11), TimeSpan.FromHours(3)); // Monday 12:00 local

        Assert.Equal(Utc(2026, 12, 7, 15), due); // 13:00 lunch, back at 14:00, two more hours: 16:00 local
    }

    [Fact]
    public void DueAt_OutsideWorkingHours_StartsCountingAtTheNextOpening()
    {
        var due = Weekdays(Madrid).DueAt(Utc(2026, 12, 5, 10), TimeSpan.FromHours(1)); // Saturday

        Assert.Equal(Utc(2026, 12, 7, 9), due); // Monday 10:00 in Madrid
    }

    [Fact]
    public void DueAt_SameInstantInTwoZones_FollowsEachZonesWorkingDay()
    {
        var start = Utc(2026, 12, 7, 14); // 15:00 in Madrid, 09:00 in New York

        Assert.Equal(Utc(2026, 12, 8, 10), Weekdays(Madrid).DueAt(start, TimeSpan.FromHours(4))); // 2 h Monday, 2 h Tuesday: 11:00 local
        Assert.Equal(Utc(2026, 12, 7, 18), Weekdays(NewYork).DueAt(start, TimeSpan.FromHours(4))); // 13:00 in New York
    }

    [Fact]
    public void Elapsed_SpringForwardNight_IsAnHourShorter()
    {
        // Sunday 29 March 2026: Madrid's clocks jump from 02:00 to 03:00, so 00:00-06:00 is five hours.
        var calendar = Nights(Madrid);
        var midnight = Utc(2026, 3, 28, 23); // 00:00 CET
        var six = Utc(2026, 3, 29, 4); // 06:00 CEST

        Assert.Equal(TimeSpan.FromHours(5), calendar.Elapsed(midnight, six));
        Assert.Equal(six, calendar.DueAt(midnight, TimeSpan.FromHours(5)));
        Assert.Equal(Utc(2026, 3, 29, 1), calendar.DueAt(midnight, TimeSpan.FromHours(2))); // 03:00 CEST, right after the jump
    }

    [Fact]
    public void Elapsed_FallBackNight_IsAnHourLonger()
    {
        // Sunday 25 October 2026: Madrid's clocks go back from 03:00 to 02:00, so 00:00-06:00 is seven hours.
        var calendar = Nights(Madrid);
        var midnight = Utc(2026, 10, 24, 22); // 00:00 CEST
        var six = Utc(2026, 10, 25, 5); // 06:00 CET

        Assert.Equal(TimeSpan.FromHours(7), calendar.Elapsed(midnight, six));
        Assert.Equal(six, calendar.DueAt(midnight, TimeSpan.FromHours(7)));
    }

    [Fact]
    public void DueAt_WorkingWeekAcrossBothClockChangesInNewYork_KeepsLocalOfficeHours()
    {
        var calendar = Weekdays(NewYork);

        // Friday 6 March 2026 16:00 EST; the clocks spring forward on Sunday 8th: Monday 16:00 is EDT (UTC-4).
        Assert.Equal(Utc(2026, 3, 9, 20), calendar.DueAt(Utc(2026, 3, 6, 21), TimeSpan.FromHours(8)));
        // Friday 30 October 2026 16:00 EDT; the clocks fall back on Sunday 1 November: Monday 16:00 is EST (UTC-5).
        Assert.Equal(Utc(2026, 11, 2, 21), calendar.DueAt(Utc(2026, 10, 30, 20), TimeSpan.FromHours(8)));
    }

    [Fact]
    public void DueAt_WithAPause_MovesOnByThePausedBusinessTime()
    {
        var calendar = Weekdays(Madrid);
        var start = Utc(2026, 12, 7, 8); // Monday 09:00 local
        TimeInterval[] pause = [new(Utc(2026, 12, 7, 9), Utc(2026, 12, 7, 11))]; // 10:00-12:00 local: waiting on the customer

        Assert.Equal(Utc(2026, 12, 8, 10), calendar.DueAt(start, TimeSpan.FromHours(8), pause)); // Tuesday 11:00 local
        Assert.Equal(TimeSpan.FromHours(6), calendar.Elapsed(start, Utc(2026, 12, 7, 16), pause));
    }

    [Fact]
    public void Elapsed_PauseOverTheWeekend_SubtractsOnlyTheWorkingTimeItCovers()
    {
        var calendar = Weekdays(Madrid);
        TimeInterval[] pause = [new(Utc(2026, 12, 4, 15), Utc(2026, 12, 7, 9))]; // Friday 16:00 to Monday 10:00 local

        // Friday 09:00 to Monday 17:00 local is 16 business hours; the pause covers one on Friday and one on Monday.
        Assert.Equal(TimeSpan.FromHours(14), calendar.Elapsed(Utc(2026, 12, 4, 8), Utc(2026, 12, 7, 16), pause));
    }

    [Fact]
    public void Elapsed_OpenPause_StopsTheClockFromItsStart()
    {
        TimeInterval[] pause = [new(Utc(2026, 12, 7, 10), null)];

        Assert.Equal(TimeSpan.FromHours(2), Weekdays(Madrid).Elapsed(Utc(2026, 12, 7, 8), Utc(2026, 12, 9, 8), pause));
    }

    [Fact]
    public void AlwaysOpen_CountsWallClockHours()
    {
        Assert.Equal(Utc(2026, 12, 7, 3), BusinessCalendar.AlwaysOpen.DueAt(Utc(2026, 12, 4, 15), TimeSpan.FromHours(60)));
        Assert.Equal(TimeSpan.FromHours(60), BusinessCalendar.AlwaysOpen.Elapsed(Utc(2026, 12, 4, 15), Utc(2026, 12, 7, 3)));
    }
}
