using System.ComponentModel.DataAnnotations;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Offers;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.Cases;

/// <summary>One business calendar as configured under <c>Sla:Calendars:&lt;work group&gt;</c>.</summary>
public sealed class SlaCalendarOptions
{
    /// <summary>An IANA time zone, e.g. Europe/Madrid.</summary>
    public string? TimeZone { get; set; }

    /// <summary>The working days: "Mon-Fri", or "Mon,Tue,Thu".</summary>
    public string? Days { get; set; }

    /// <summary>The working hours of each working day, local: "09:00-17:00", or "09:00-13:00, 14:00-18:00".</summary>
    public string? Hours { get; set; }

    /// <summary>Dates (yyyy-MM-dd) with no working time.</summary>
    public List<string> Holidays { get; init; } = [];
}

/// <summary>
/// The <c>Sla</c> section: the business calendars SLA clocks run on (<c>Sla:Calendars:&lt;work group&gt;</c>, the one named
/// <c>Default</c> for every other group; round the clock in UTC when none is set) and the quiet hours of SLA alerts
/// (in the recipient's own zone; an Urgent case's alerts go out regardless).
/// </summary>
public sealed class SlaOptions
{
    public const string SectionName = "Sla";

    public Dictionary<string, SlaCalendarOptions> Calendars { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Local time (the recipient's zone) from which alerts wait until <see cref="QuietHoursEnd"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:59")]
    public TimeSpan QuietHoursStart { get; set; } = TimeSpan.FromHours(20);

    /// <summary>Local time at which alerts held back over the quiet hours go out; equal to the start for no quiet hours.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:59")]
    public TimeSpan QuietHoursEnd { get; set; } = TimeSpan.FromHours(8);

    public QuietHours QuietHours => new(TimeOnly.FromTimeSpan(QuietHoursStart), TimeOnly.FromTimeSpan(QuietHoursEnd));

    /// <summary>The calendars these settings make, or every problem with them.</summary>
    public SlaCalendarsReading ReadCalendars() => BusinessCalendarSettings.Read(Calendars.ToDictionary(
        c => c.Key, c => new CalendarSetting(c.Value.TimeZone, c.Value.Days, c.Value.Hours, c.Value.Holidays), StringComparer.OrdinalIgnoreCase));
}

/// <summary>Refuses to start with a calendar that cannot be read, naming every wrong setting.</summary>
internal sealed class SlaOptionsValidation : IValidateOptions<SlaOptions>
{
    public ValidateOptionsResult Validate(string? name, SlaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var reading = options.ReadCalendars();
        return reading.Calendars is not null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(reading.Problems);
    }
}
