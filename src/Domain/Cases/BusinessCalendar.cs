namespace ChatCrm.Domain.Cases;

/// <summary>
/// The working time of one work group: its time zone, the hours of each working day (one or more spans a day) and its
/// holidays (local dates with no working time). Pure: SLA clocks ask it when a duration of business time, started at an
/// instant, runs out (<see cref="DueAt"/>) and how much business time passed between two instants
/// (<see cref="Elapsed"/>), both minus the pauses given (while a case waits on the customer). Spans are turned into
/// instants day by day in the calendar's zone, so a clock change is what a wall clock shows: on the spring-forward
/// night a span over the skipped hour is an hour shorter, on the fall-back night one over the repeated hour is an hour
/// longer.
/// </summary>
public sealed class BusinessCalendar
{
    /// <summary>The furthest ahead a due time is looked for: a calendar with so little working time is a configuration mistake.</summary>
    public const int MaxDaysAhead = 3 * 366;

    private readonly Dictionary<DayOfWeek, WorkingSpan[]> _days;
    private readonly HashSet<DateOnly> _holidays;

    public BusinessCalendar(TimeZoneInfo zone, IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingSpan>> days, IEnumerable<DateOnly>? holidays = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(days);
        Zone = zone;
        _days = days.ToDictionary(d => d.Key, d => d.Value.OrderBy(s => s.Start).ToArray());
        if (!_days.Values.Any(spans => spans.Length > 0))
            throw new ArgumentException("A business calendar needs working time on at least one day.", nameof(days));
        foreach (var spans in _days.Values)
        {
            for (var i = 0; i < spans.Length; i++)
            {
                if (spans[i].End <= spans[i].Start)
                    throw new ArgumentException($"A working span must end after it starts ({spans[i].Start:HH\\:mm}-{spans[i].End:HH\\:mm}).", nameof(days));
                if (i > 0 && spans[i].Start < spans[i - 1].End)
                    throw new ArgumentException("The working spans of a day must not overlap.", nameof(days));
            }
        }
        _holidays = [.. holidays ?? []];
    }

    /// <summary>Round the clock, every day, in UTC: wall-clock hours, what SLA targets meant before calendars.</summary>
    public static BusinessCalendar AlwaysOpen { get; } = new(TimeZoneInfo.Utc,
        Enum.GetValues<DayOfWeek>().ToDictionary(d => d, IReadOnlyList<WorkingSpan> (_) => [new WorkingSpan(TimeOnly.MinValue, TimeOnly.MaxValue)]));

    public TimeZoneInfo Zone { get; }

    public IReadOnlyCollection<DateOnly> Holidays => _holidays;

    /// <summary>The instant at which <paramref name="duration"/> of business time, counted from <paramref name="start"/>, runs out.</summary>
    public DateTimeOffset DueAt(DateTimeOffset start, TimeSpan duration, IReadOnlyList<TimeInterval>? pauses = null)
    {
        var left = duration;
        foreach (var (from, to) in WorkingFrom(start.ToUniversalTime()))
        {
            foreach (var (a, b) in Subtract(from, to, pauses))
            {
                if (b - a >= left)
                    return a + left;
                left -= b - a;
            }
        }
        throw new InvalidOperationException($"No business time found within {MaxDaysAhead} days.");
    }

    /// <summary>The business time between <paramref name="from"/> and <paramref name="to"/>, minus the pauses (zero when <paramref name="to"/> is not later).</summary>
    public TimeSpan Elapsed(DateTimeOffset from, DateTimeOffset to, IReadOnlyList<TimeInterval>? pauses = null)
    {
        var total = TimeSpan.Zero;
        if (to <= from)
            return total;
        foreach (var (a, b) in WorkingFrom(from.ToUniversalTime()))
        {
            if (a >= to)
                break;
            foreach (var (x, y) in Subtract(a, b < to ? b : to, pauses))
                total += y - x;
        }
        return total;
    }

    /// <summary>Whether <paramref name="instant"/> falls in working time.</summary>
    public bool IsWorking(DateTimeOffset instant) => WorkingFrom(instant).First().Start <= instant;

    /// <summary>The working intervals as instants, from the one holding <paramref name="start"/> (cut to start there) onwards.</summary>
    private IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> WorkingFrom(DateTimeOffset start)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, Zone).DateTime).AddDays(-1);
        for (var i = 0; i <= MaxDaysAhead; i++, day = day.AddDays(1))
        {
            if (_holidays.Contains(day) || !_days.TryGetValue(day.DayOfWeek, out var spans))
                continue;
            foreach (var span in spans)
            {
                var a = Instant(day.ToDateTime(span.Start), earliest: true);
                var b = span.EndsAtMidnight ? Instant(day.AddDays(1).ToDateTime(TimeOnly.MinValue), earliest: true) : Instant(day.ToDateTime(span.End), earliest: false);
                if (b <= start || b <= a)
                    continue;
                yield return (a < start ? start : a, b);
            }
        }
    }

    /// <summary>
    /// A local wall-clock time as an instant: a time the spring-forward change skips is the moment the clock jumps;
    /// a time the fall-back change shows twice is its first showing for a span's start and its second for a span's end.
    /// </summary>
    private DateTimeOffset Instant(DateTime local, bool earliest)
    {
        if (Zone.IsInvalidTime(local))
        {
            var probe = local;
            while (Zone.IsInvalidTime(probe))
                probe = probe.AddMinutes(1);
            probe = new DateTime(probe.Year, probe.Month, probe.Day, probe.Hour, probe.Minute, 0, DateTimeKind.Unspecified);
            return new DateTimeOffset(probe, Zone.GetUtcOffset(probe)).ToUniversalTime();
        }
        if (Zone.IsAmbiguousTime(local))
        {
            var offsets = Zone.GetAmbiguousTimeOffsets(local);
            var offset = earliest ? offsets.Max() : offsets.Min();
            return new DateTimeOffset(local, offset).ToUniversalTime();
        }
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>[from, to) minus every pause, as the pieces left in order.</summary>
    private static IEnumerable<(DateTimeOffset, DateTimeOffset)> Subtract(DateTimeOffset from, DateTimeOffset to, IReadOnlyList<TimeInterval>? pauses)
    {
        var cursor = from;
        foreach (var pause in (pauses ?? []).OrderBy(p => p.Start))
        {
            var end = pause.End ?? DateTimeOffset.MaxValue;
            if (end <= cursor || pause.Start >= to)
                continue;
            if (pause.Start > cursor)
                yield return (cursor, pause.Start);
            if (end >= to)
                yield break;
            cursor = end;
        }
        if (cursor < to)
            yield return (cursor, to);
    }
}
