using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Testing;

/// <summary>One fixed "now" for tests, so rules that take the time from <see cref="TimeProvider"/> are repeatable.</summary>
public static class TestClock
{
    /// <summary>Tuesday 10 March 2026, 09:30 UTC (10:30 in Madrid).</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 30, 0, TimeSpan.Zero);

    /// <summary>A clock standing at <paramref name="at"/> (default <see cref="Now"/>) until a test advances it.</summary>
    public static FakeTimeProvider Create(DateTimeOffset? at = null)
    {
        var clock = new FakeTimeProvider(at ?? Now);
        clock.SetLocalTimeZone(TimeZoneInfo.Utc);
        return clock;
    }
}
