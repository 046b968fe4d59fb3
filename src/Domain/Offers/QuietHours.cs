namespace ChatCrm.Domain.Offers;

/// <summary>
/// The local hours in which nobody is written to unasked: from <see cref="Start"/> to <see cref="End"/> in the
/// person's own time zone, across midnight when Start is later than End (20:00–08:00). Equal times mean no quiet hours.
/// </summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    /// <summary>When the quiet hours around <paramref name="now"/> end, or null when <paramref name="now"/> is not in them.</summary>
    public DateTimeOffset? DeferUntil(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (Start == End)
            return null;
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var overnight = Start > End;
        var quiet = overnight ? time >= Start || time < End : time >= Start && time < End;
        if (!quiet)
            return null;
        var day = DateOnly.FromDateTime(local.DateTime);
        var endDay = overnight && time >= Start ? day.AddDays(1) : day;
        return AtLocal(endDay.ToDateTime(End), zone);
    }

    /// <summary>A local wall-clock time as an instant; a time skipped by a clock change moves on to when the clock shows it again.</summary>
    private static DateTimeOffset AtLocal(DateTime local, TimeZoneInfo zone)
    {
        while (zone.IsInvalidTime(local))
            local = local.AddMinutes(30);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
