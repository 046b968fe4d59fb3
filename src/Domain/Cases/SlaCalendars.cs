namespace ChatCrm.Domain.Cases;

/// <summary>
/// The business calendar of each work group, and the one every other group follows (<see cref="Default"/>). Group
/// names are matched without regard to case, as people type them on the case card.
/// </summary>
public sealed class SlaCalendars
{
    /// <summary>The settings name of the calendar every group without its own follows.</summary>
    public const string DefaultName = "Default";

    private readonly Dictionary<string, BusinessCalendar> _groups;

    public SlaCalendars(BusinessCalendar defaultCalendar, IReadOnlyDictionary<string, BusinessCalendar>? groups = null)
    {
        Default = defaultCalendar ?? throw new ArgumentNullException(nameof(defaultCalendar));
        _groups = new Dictionary<string, BusinessCalendar>(groups ?? new Dictionary<string, BusinessCalendar>(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Wall-clock hours for every group: what a deployment without calendars gets.</summary>
    public static SlaCalendars AlwaysOpen { get; } = new(BusinessCalendar.AlwaysOpen);

    public BusinessCalendar Default { get; }

    public BusinessCalendar For(string? workGroup) =>
        workGroup is not null && _groups.TryGetValue(workGroup.Trim(), out var calendar) ? calendar : Default;
}
