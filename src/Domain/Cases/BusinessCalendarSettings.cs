using System.Globalization;
using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Cases;

/// <summary>One calendar as configured: an IANA zone, the working days ("Mon-Fri", "Mon,Tue,Thu"), the hours ("09:00-13:00, 14:00-18:00") and holiday dates (yyyy-MM-dd).</summary>
public sealed record CalendarSetting(string? TimeZone, string? Days, string? Hours, IReadOnlyList<string>? Holidays);

/// <summary>The calendars read from settings, or every reason they could not be read.</summary>
public sealed record SlaCalendarsReading(SlaCalendars? Calendars, IReadOnlyList<string> Problems);

/// <summary>
/// Builds <see cref="SlaCalendars"/> from <c>Sla:Calendars:&lt;group&gt;</c> settings, the one named
/// <see cref="SlaCalendars.DefaultName"/> being the default (round the clock in UTC when there is none). Pure: the
/// settings in, the calendars or every problem out, each naming the setting, so one start-up shows the whole list.
/// </summary>
public static class BusinessCalendarSettings
{
    public const string Section = "Sla:Calendars";

    private static readonly Dictionary<string, DayOfWeek> DayNames = Enum.GetValues<DayOfWeek>()
        .SelectMany(d => new[] { (d.ToString(), d), (d.ToString()[..3], d) })
        .ToDictionary(p => p.Item1, p => p.d, StringComparer.OrdinalIgnoreCase);

    public static SlaCalendarsReading Read(IReadOnlyDictionary<string, CalendarSetting>? settings)
    {
        var problems = new List<string>();
        var groups = new Dictionary<string, BusinessCalendar>(StringComparer.OrdinalIgnoreCase);
        foreach (var (group, setting) in settings ?? new Dictionary<string, CalendarSetting>())
        {
            if (ReadOne($"{Section}:{group}", setting, problems) is { } calendar)
                groups[group] = calendar;
        }
        if (problems.Count > 0)
            return new SlaCalendarsReading(null, problems);
        var fallback = groups.Remove(SlaCalendars.DefaultName, out var configured) ? configured : BusinessCalendar.AlwaysOpen;
        return new SlaCalendarsReading(new SlaCalendars(fallback, groups), []);
    }

    private static BusinessCalendar? ReadOne(string name, CalendarSetting setting, List<string> problems)
    {
        var before = problems.Count;
        TimeZoneInfo? zone = null;
        if (TimeZoneNames.Resolve(setting.TimeZone) is not { } id || !TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone))
            problems.Add($"{name}:TimeZone must be an IANA time zone such as Europe/Madrid; it is \"{setting.TimeZone}\".");
        var days = ReadDays(name, setting.Days, problems);
        var spans = ReadHours(name, setting.Hours, problems);
        var holidays = new List<DateOnly>();
        foreach (var text in setting.Holidays ?? [])
        {
            if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                holidays.Add(date);
            else
                problems.Add($"{name}:Holidays has \"{text}\", which is not a date written yyyy-MM-dd.");
        }
        if (problems.Count > before)
            return null;
        try
        {
            return new BusinessCalendar(zone!, days.ToDictionary(d => d, IReadOnlyList<WorkingSpan> (_) => spans), holidays);
        }
        catch (ArgumentException problem)
        {
            problems.Add($"{name}: {problem.Message.Split(" (Parameter", 2)[0]}");
            return null;
        }
    }

    private static List<DayOfWeek> ReadDays(string name, string? text, List<string> problems)
    {
        var days = new List<DayOfWeek>();
        foreach (var part in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length is < 1 or > 2 || !ends.All(DayNames.ContainsKey))
            {
                problems.Add($"{name}:Days has \"{part}\"; write days as Mon-Fri or Mon,Tue,Thu.");
                continue;
            }
            var first = DayNames[ends[0]];
            var last = DayNames[ends[^1]];
            for (var day = first; ; day = (DayOfWeek)(((int)day + 1) % 7))
            {
                days.Add(day);
                if (day == last)
                    break;
            }
        }
        if (days.Count == 0 && !problems.Any(p => p.StartsWith($"{name}:Days", StringComparison.Ordinal)))
            problems.Add($"{name}:Days is missing; write the working days as Mon-Fri or Mon,Tue,Thu.");
        return [.. days.Distinct()];
    }

    private static List<WorkingSpan> ReadHours(string name, string? text, List<string> problems)
    {
        var spans = new List<WorkingSpan>();
        foreach (var part in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length == 2 && Time(ends[0]) is { } start && Time(ends[1]) is { } end && end > start)
                spans.Add(new WorkingSpan(start, end));
            else
                problems.Add($"{name}:Hours has \"{part}\"; write hours as 09:00-17:00, several separated by commas, each ending after it starts.");
        }
        if (spans.Count == 0 && !problems.Any(p => p.StartsWith($"{name}:Hours", StringComparison.Ordinal)))
            problems.Add($"{name}:Hours is missing; write the working hours as 09:00-17:00 (or 09:00-13:00, 14:00-18:00).");
        return spans;
    }

    private static TimeOnly? Time(string text) =>
        text == "24:00" ? TimeOnly.MaxValue
        : TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}
