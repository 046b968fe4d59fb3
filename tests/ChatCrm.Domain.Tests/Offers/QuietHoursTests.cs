using ChatCrm.Domain.Offers;

namespace ChatCrm.Domain.Tests.Offers;

public sealed class QuietHoursTests
{
    private static readonly TimeZoneInfo Madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");
    private static readonly QuietHours Evenings = new(new TimeOnly(20, 0), new TimeOnly(8, 0));

    [Fact]
    public void DeferUntil_Daytime_IsNull() =>
        Assert.Null(Evenings.DeferUntil(new DateTimeOffset(2026, 3, 10, 9, 30, 0, TimeSpan.Zero), Madrid));

    [Fact]
    public void DeferUntil_LateEvening_IsEightNextMorningLocal() =>
        // 21:30 UTC in March is 22:30 in Madrid (UTC+1); 08:00 the next day is 07:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 7, 0, 0, TimeSpan.Zero), Evenings.DeferUntil(new DateTimeOffset(2026, 3, 10, 21, 30, 0, TimeSpan.Zero), Madrid));

    [Fact]
    public void DeferUntil_EarlyMorning_IsEightTheSameMorningLocal() =>
        // 04:00 UTC in July is 06:00 in Madrid (UTC+2); 08:00 is 06:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 6, 0, 0, TimeSpan.Zero), Evenings.DeferUntil(new DateTimeOffset(2026, 7, 1, 4, 0, 0, TimeSpan.Zero), Madrid));

    [Fact]
    public void DeferUntil_StartEqualsEnd_IsNeverQuiet() =>
        Assert.Null(new QuietHours(new TimeOnly(0, 0), new TimeOnly(0, 0)).DeferUntil(new DateTimeOffset(2026, 3, 10, 23, 0, 0, TimeSpan.Zero), Madrid));

    [Fact]
    public void DeferUntil_DaytimeQuietHours_EndTheSameDay() =>
        // Quiet 12:00–14:00 Madrid; 12:30 UTC in March is 13:30 local; ends 14:00 local = 13:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 13, 0, 0, TimeSpan.Zero),
            new QuietHours(new TimeOnly(12, 0), new TimeOnly(14, 0)).DeferUntil(new DateTimeOffset(2026, 3, 10, 12, 30, 0, TimeSpan.Zero), Madrid));
}
