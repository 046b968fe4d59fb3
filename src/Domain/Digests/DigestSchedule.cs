using System.Globalization;
using NodaTime;
using NodaTime.TimeZones;

namespace ChatCrm.Domain.Digests;

/// <summary>One occurrence of a digest: when it is due, and the key of the period it covers (one send per key).</summary>
public sealed record DigestOccurrence(DateTimeOffset DueAt, string PeriodKey);

/// <summary>
/// When a digest falls due: at a local wall-clock time, daily or on one weekday, in an IANA time zone. Daylight saving
/// is resolved the way a person would expect: a time skipped by the spring-forward jump (02:30 in Madrid on the last
/// Sunday of March) is sent as far after the jump as it was into the missing hour (03:30); a time that happens twice when clocks go back is
/// sent the first time only. The period key is the local date of the occurrence, so each day (or week) has one key
/// however the clocks move, and an unknown zone id falls back to UTC rather than to the server's zone.
/// </summary>
public sealed record DigestSchedule(DigestFrequency Frequency, DayOfWeek? Day, TimeOnly LocalTime, string TimeZone)
{
    private DateTimeZone Zone => DateTimeZoneProviders.Tzdb.GetZoneOrNull(TimeZone) ?? DateTimeZone.Utc;

    /// <summary>The latest occurrence at or before <paramref name="now"/>.</summary>
    public DigestOccurrence LatestAtOrBefore(DateTimeOffset now)
    {
        var zone = Zone;
        var today = Instant.FromDateTimeOffset(now).InZone(zone).Date;
        for (var date = today; ; date = date.PlusDays(-1))
        {
            if (!Falls(date))
                continue;
            var occurrence = At(zone, date);
            if (occurrence.DueAt <= now)
                return occurrence;
        }
    }

    /// <summary>The first occurrence after <paramref name="now"/>: when the next digest falls due.</summary>
    public DigestOccurrence NextAfter(DateTimeOffset now)
    {
        var zone = Zone;
        var today = Instant.FromDateTimeOffset(now).InZone(zone).Date;
        for (var date = today; ; date = date.PlusDays(1))
        {
            if (!Falls(date))
                continue;
            var occurrence = At(zone, date);
            if (occurrence.DueAt > now)
                return occurrence;
        }
    }

    /// <summary>The occurrence before <paramref name="occurrence"/>: where the period it reports on starts.</summary>
    public DigestOccurrence Previous(DigestOccurrence occurrence)
    {
        ArgumentNullException.ThrowIfNull(occurrence);
        return LatestAtOrBefore(occurrence.DueAt.AddTicks(-1));
    }

    private bool Falls(LocalDate date) =>
        Frequency == DigestFrequency.Daily || date.DayOfWeek == ToIso(Day ?? DayOfWeek.Monday);

    private DigestOccurrence At(DateTimeZone zone, LocalDate date)
    {
        var local = date + new LocalTime(LocalTime.Hour, LocalTime.Minute);
        var due = zone.ResolveLocal(local, Resolvers.LenientResolver);
        var key = (Frequency == DigestFrequency.Daily ? "daily:" : "weekly:") + date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
        return new DigestOccurrence(due.ToDateTimeOffset().ToUniversalTime(), key);
    }

    private static IsoDayOfWeek ToIso(DayOfWeek day) => day == DayOfWeek.Sunday ? IsoDayOfWeek.Sunday : (IsoDayOfWeek)(int)day;
}
