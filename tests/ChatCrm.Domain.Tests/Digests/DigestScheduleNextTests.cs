using ChatCrm.Domain.Digests;

namespace ChatCrm.Domain.Tests.Digests;

/// <summary>When the next digest falls due: what the admin status card and "admin digest" show.</summary>
public sealed class DigestScheduleNextTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void NextAfter_DailyBeforeTodaysTime_IsToday()
    {
        var schedule = new DigestSchedule(DigestFrequency.Daily, null, new TimeOnly(8, 0), "Europe/Madrid");

        Assert.Equal(Utc(2026, 11, 24, 7), schedule.NextAfter(Utc(2026, 11, 24, 6, 59)).DueAt);
    }

    [Fact]
    public void NextAfter_ExactlyAtTheTime_IsTheNextDay()
    {
        var schedule = new DigestSchedule(DigestFrequency.Daily, null, new TimeOnly(8, 0), "Europe/Madrid");

        Assert.Equal(Utc(2026, 11, 25, 7), schedule.NextAfter(Utc(2026, 11, 24, 7)).DueAt);
    }

    [Fact]
    public void NextAfter_WeeklyOnMonday_SkipsToNextMondayAcrossTheAutumnClockChange()
    {
        // Tuesday 2026-10-20; Monday 2026-10-26 09:00 is after Madrid went back to CET (25 October): 08:00 UTC.
        var schedule = new DigestSchedule(DigestFrequency.Weekly, DayOfWeek.Monday, new TimeOnly(9, 0), "Europe/Madrid");

        var next = schedule.NextAfter(Utc(2026, 10, 20, 12));

        Assert.Equal(Utc(2026, 10, 26, 8), next.DueAt);
        Assert.Equal("weekly:2026-10-26", next.PeriodKey);
    }

    [Fact]
    public void NextAfter_IsAlwaysLaterThanNowAndFollowsTheLatestOccurrence()
    {
        var schedule = new DigestSchedule(DigestFrequency.Weekly, DayOfWeek.Friday, new TimeOnly(17, 45), "America/Mexico_City");
        for (var now = Utc(2026, 1, 1, 0); now < Utc(2026, 3, 1, 0); now = now.AddHours(13))
        {
            var next = schedule.NextAfter(now);
            Assert.True(next.DueAt > now);
            Assert.Equal(schedule.LatestAtOrBefore(next.DueAt), next);
            Assert.True(schedule.LatestAtOrBefore(now).DueAt <= now);
            Assert.True(next.DueAt - schedule.LatestAtOrBefore(now).DueAt == TimeSpan.FromDays(7));
        }
    }
}
