using ChatCrm.Domain.Common;
using ChatCrm.Domain.Interactions;

namespace ChatCrm.Bot.Cards;

/// <summary>The names of interaction kinds and channels as people read them, in both languages.</summary>
public static class InteractionWording
{
    public static string Kind(InteractionKind kind, LanguageCode language) => kind switch
    {
        InteractionKind.Call => language.Pick("Call", "Llamada"),
        InteractionKind.Visit => language.Pick("Visit", "Visita"),
        InteractionKind.Meeting => language.Pick("Meeting", "Reunión"),
        InteractionKind.Email => language.Pick("E-mail", "Correo"),
        InteractionKind.Chat => "Chat",
        _ => kind.ToString(),
    };

    public static string Channel(InteractionChannel channel, LanguageCode language) => channel switch
    {
        InteractionChannel.Phone => language.Pick("Phone", "Teléfono"),
        InteractionChannel.Visit => language.Pick("Visit", "Visita"),
        InteractionChannel.Meeting => language.Pick("Meeting", "Reunión"),
        InteractionChannel.Email => language.Pick("E-mail", "Correo"),
        InteractionChannel.Web => "Web",
        InteractionChannel.Store => language.Pick("Store", "Tienda"),
        _ => channel.ToString(),
    };

    /// <summary>Where a follow-up stands, as a short phrase with its date.</summary>
    public static string FollowUp(FollowUp followUp, DateOnly today, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        var date = Dates.Day(followUp.DueOn);
        return followUp.StateOn(today) switch
        {
            FollowUpState.Overdue => language.Pick($"⚠ overdue since {date} ({followUp.DaysOverdueOn(today)} d)", $"⚠ vencido desde el {date} ({followUp.DaysOverdueOn(today)} d)"),
            FollowUpState.DueToday => language.Pick($"due today ({date})", $"vence hoy ({date})"),
            _ => language.Pick($"upcoming on {date}", $"previsto para el {date}"),
        };
    }
}

/// <summary>
/// Dates and times on cards: ISO days (a day of the reader's calendar), and moments as the reader's wall-clock time
/// followed by the zone's name, so nobody wonders which ("2026-12-07 17:31 Europe/Madrid", "… 16:31 UTC").
/// </summary>
public static class Dates
{
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The day <paramref name="at"/> falls on in <paramref name="zone"/>, as an ISO day.</summary>
    public static string Day(DateTimeOffset at, TimeZoneInfo zone) => Day(Today(at, zone));

    public static string Local(DateTimeOffset at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " " + ZoneName(zone);
    }

    /// <summary>The zone as people read it on a card: its IANA id ("Europe/Madrid"), or "UTC".</summary>
    public static string ZoneName(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (zone == TimeZoneInfo.Utc || zone.Id is "Etc/UTC" or "UTC" or "Etc/Universal")
            return "UTC";
        return zone.HasIanaId || !TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? zone.Id : iana;
    }

    public static DateOnly Today(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
    }
}
