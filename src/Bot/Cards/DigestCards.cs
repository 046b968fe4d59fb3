using System.Globalization;
using ChatCrm.Bot.Digests;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Digests;
using ChatCrm.Domain.Interactions;

namespace ChatCrm.Bot.Cards;

/// <summary>
/// The manager's digest: the team's activity in the period by rep and channel, overdue follow-ups and high-value
/// customers at risk — each listed customer with a button to act on it (log the follow-up, read the last conversation).
/// </summary>
public static class DigestCards
{
    private const int ButtonsPerSection = 3;

    public static Card Digest(DigestContent digest, LanguageCode language, int linesPerSection)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var body = new List<CardBlock>
        {
            new CardText(language.Pick(
                $"From {Day(digest.Since)} to {Day(digest.Until)} (UTC).", $"Del {Day(digest.Since)} al {Day(digest.Until)} (UTC)."), TextEmphasis.Subtle),
            new CardSection(language.Pick("Interactions logged by the team", "Interacciones registradas por el equipo")),
        };
        body.Add(digest.Activity.Count == 0
            ? new CardText(language.Pick("Nobody reports to you in ChatCrm yet.", "Todavía no tienes a nadie a tu cargo en ChatCrm."))
            : new CardFacts(digest.Activity.Take(linesPerSection).Select(r => new CardFact(r.RepName, ActivityLine(r, language))).ToList()));

        body.Add(new CardSection(language.Pick("Overdue follow-ups", "Seguimientos vencidos")));
        body.Add(digest.Overdue.Count == 0
            ? new CardText(language.Pick("None: every promise is on time.", "Ninguno: todos los compromisos van al día."))
            : new CardFacts(digest.Overdue.Take(linesPerSection).Select(o => new CardFact(o.CustomerName, language.Pick(
                $"due {o.DueOn:yyyy-MM-dd}, {o.DaysOverdue} days late · {o.OwnerName}",
                $"vencía el {o.DueOn:yyyy-MM-dd}, {o.DaysOverdue} días de retraso · {o.OwnerName}"))).ToList()));
        body.AddRange(More(digest.Overdue.Count, linesPerSection, language));

        body.Add(new CardSection(language.Pick("High-value customers at risk", "Clientes de alto valor en riesgo")));
        body.Add(digest.AtRisk.Count == 0
            ? new CardText(language.Pick("None.", "Ninguno."))
            : new CardFacts(digest.AtRisk.Take(linesPerSection).Select(a => new CardFact(a.CustomerName, $"{a.Tier} · {a.Reason.In(language)}")).ToList()));
        body.AddRange(More(digest.AtRisk.Count, linesPerSection, language));

        var buttons = digest.Overdue.Take(ButtonsPerSection)
            .Select(o => CardButton.For(language.Pick($"Log: {o.CustomerName}", $"Registrar: {o.CustomerName}"), "log", ("customerId", o.CustomerId.Value.ToString())))
            .Concat(digest.AtRisk.Take(ButtonsPerSection)
                .Select(a => CardButton.For(language.Pick($"Last: {a.CustomerName}", $"Última: {a.CustomerName}"), "last", ("customerId", a.CustomerId.Value.ToString()))))
            .ToList();
        return new Card(language.Pick("Your team's digest", "Resumen de tu equipo"), body, buttons);
    }

    /// <summary>The current setting, in a sentence.</summary>
    public static string Setting(DigestSubscription? subscription, LanguageCode language)
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
        return language.Pick($"Your digest comes {when} ({subscription.TimeZone}) in {subscription.Channel}. Type \"digest off\" to stop it.",
            $"Tu resumen llega {when} ({subscription.TimeZone}) en {subscription.Channel}. Escribe \"resumen desactivar\" para dejar de recibirlo.");
    }

    private static string ActivityLine(RepActivity rep, LanguageCode language) => rep.Total == 0
        ? language.Pick("nothing logged", "nada registrado")
        : $"{rep.Total} ({string.Join(", ", rep.ByChannel.OrderByDescending(c => c.Value).Select(c => $"{InteractionWording.Channel(c.Key, language)} {c.Value}"))})";

    private static IEnumerable<CardBlock> More(int count, int shown, LanguageCode language)
    {
        if (count > shown)
            yield return new CardText(language.Pick($"…and {count - shown} more.", $"…y {count - shown} más."), TextEmphasis.Subtle);
    }

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

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
