using ChatCrm.Bot.Cards;
using System.Globalization;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Digests;

namespace ChatCrm.Bot.Features.Digests;

/// <summary>
/// The manager's digest: the team's KPIs for the period — activity by rep and channel, overdue follow-ups, high-value
/// customers at risk, cases near or past their SLA, offer acceptance and new customers — each line with a button to
/// act on it (open the customer, open the case).
/// </summary>
public static class DigestCards
{
    /// <summary>The digest card: the team's KPIs (<see cref="KpiCards"/>) under the digest's title.</summary>
    public static Card Digest(DigestContent digest, LanguageCode language, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return new Card(language.Pick("Your team's digest", "Resumen de tu equipo"), KpiCards.Body(digest.Kpis, language, zone, digest.Charts), []);
    }

    /// <summary>The current setting, in a sentence, in the manager's zone now (<paramref name="timeZone"/>), which the digest follows.</summary>
    public static string Setting(DigestSubscription? subscription, string timeZone, LanguageCode language)
    {
        if (subscription is null)
        {
            return language.Pick("You get no digest. Type \"digest daily 08:00 teams\" or \"digest weekly monday 09:00 slack\" to get one.",
                "No recibes ningún resumen. Escribe \"resumen diario 08:00 teams\" o \"resumen semanal lunes 09:00 slack\" para recibirlo.");
        }
        var time = subscription.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture);
        var when = subscription.Frequency == DigestFrequency.Daily
            ? language.Pick($"every day at {time}", $"cada día a las {time}")
            : language.Pick($"every {subscription.Day} at {time}", $"cada {DayName(subscription.Day ?? DayOfWeek.Monday)} a las {time}");
        return language.Pick($"Your digest comes {when} ({timeZone}) in {subscription.Channel}. Type \"digest off\" to stop it.",
            $"Tu resumen llega {when} ({timeZone}) en {subscription.Channel}. Escribe \"resumen desactivar\" para dejar de recibirlo.");
    }

    private static string DayName(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "lunes",
        DayOfWeek.Tuesday => "martes",
        DayOfWeek.Wednesday => "miércoles",
        DayOfWeek.Thursday => "jueves",
        DayOfWeek.Friday => "viernes",
        DayOfWeek.Saturday => "sábado",
        _ => "domingo",
    };
}
