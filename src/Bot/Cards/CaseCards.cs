using ChatCrm.Bot.Features.Cases;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Features.Customers;
using System.Globalization;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Cards;

/// <summary>One support case as a line of a queue or a profile: the case, whose it is, and its SLA verdict now.</summary>
public sealed record CaseLine(SupportCase Case, string CustomerName, SlaDecision Sla);

/// <summary>
/// Cards about support cases: a person's queue (what to work on next, overdue first), a newly opened case, and the
/// open-cases section of a customer's profile. Due times are shown in the reader's time zone, because that is
/// when they have to act. The full case card with its buttons is in <see cref="CaseDetailCards"/>.
/// </summary>
public static class CaseCards
{
    public static Card Queue(IReadOnlyList<CaseLine> lines, TimeZoneInfo zone, bool includesReports, LanguageCode language = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(zone);
        var body = new List<CardBlock>();
        if (lines.Count == 0)
        {
            body.Add(new CardText(includesReports
                ? language.Pick("No active cases for you or your team.", "No hay casos activos tuyos ni de tu equipo.")
                : language.Pick("No active cases assigned to you.", "No tienes casos activos asignados.")));
        }
        else
        {
            body.Add(new CardText(lines.Count == 1
                ? language.Pick("1 active case, most urgent first (by SLA due time).", "1 caso activo, el más urgente primero (por vencimiento del SLA).")
                : language.Pick($"{lines.Count} active cases, most urgent first (by SLA due time).",
                    $"{lines.Count} casos activos, el más urgente primero (por vencimiento del SLA)."), TextEmphasis.Subtle));
        }
        foreach (var line in lines)
        {
            body.Add(new CardSection($"{line.Case.Number} · {CustomerCards.Shorten(line.CustomerName, 60)}: {CustomerCards.Shorten(line.Case.Title, 80)}"));
            body.Add(new CardText(Summary(line, zone, language), line.Sla.State is SlaState.Breached or SlaState.AtRisk ? TextEmphasis.Warning : TextEmphasis.Subtle));
        }
        var buttons = lines.Take(5).Select(l => CardButton.For(language.Pick($"Open {l.Case.Number}", $"Abrir {l.Case.Number}"),
            CaseDetailCards.ShowVerb, (CaseDetailCards.CaseKey, l.Case.Number))).ToList();
        return new Card(includesReports ? language.Pick("Your team's case queue", "Casos de tu equipo") : language.Pick("Your case queue", "Tus casos"), body, buttons);
    }

    /// <param name="showsTier">Whether the reader may see the customer's value tier the SLA follows (support agents may not).</param>
    public static Card Opened(SupportCase supportCase, string customerName, SlaDecision sla, PriorityDecision priority, TimeZoneInfo zone,
        bool showsTier, LanguageCode language = default)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        ArgumentNullException.ThrowIfNull(sla);
        ArgumentNullException.ThrowIfNull(priority);
        var facts = new List<CardFact>
        {
            new(language.Pick("Case", "Caso"), supportCase.Number),
            new(language.Pick("Customer", "Cliente"), customerName),
            new(language.Pick("Title", "Título"), supportCase.Title),
            new(language.Pick("Priority", "Prioridad"), $"{CaseTransitions.Name(supportCase.Priority).In(language)} ({priority.Text.In(language)})"),
            new(language.Pick("SLA due", "Vence el SLA"), Local(supportCase.SlaDueAt, zone)),
            new("SLA", sla.Text.In(language)),
        };
        if (showsTier)
            facts.Insert(facts.Count - 2, new(language.Pick("Tier", "Nivel"), supportCase.Tier.ToString()));
        return new Card(language.Pick($"Case {supportCase.Number} opened", $"Caso {supportCase.Number} abierto"), [new CardFacts(facts),
            new CardText(language.Pick("It is assigned to you. Type \"cases\" to see your queue.", "Está asignado a ti. Escribe \"casos\" para ver tu cola."),
                TextEmphasis.Subtle)],
            [CardButton.For(language.Pick("Open the case", "Abrir el caso"), CaseDetailCards.ShowVerb, (CaseDetailCards.CaseKey, supportCase.Number))]);
    }

    /// <summary>The open-cases section of a profile card.</summary>
    public static IEnumerable<CardBlock> ProfileSection(IReadOnlyList<CaseLine> lines, TimeZoneInfo zone, LanguageCode language = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        yield return new CardSection(language.Pick("Open cases", "Casos abiertos"));
        yield return new CardFacts(lines.Select(l => new CardFact(l.Case.Number, $"{CustomerCards.Shorten(l.Case.Title, 80)} · {Summary(l, zone, language)}")).ToList());
    }

    internal static string Summary(CaseLine line, TimeZoneInfo zone, LanguageCode language) =>
        $"{CaseTransitions.Name(line.Case.Priority).In(language)} · {CaseTransitions.Name(line.Case.Status).In(language)} · "
        + $"{language.Pick("due", "vence")} {Local(line.Case.SlaDueAt, zone)} · {line.Sla.Text.In(language)}";

    internal static string Local(DateTimeOffset at, TimeZoneInfo zone) => Dates.Local(at, zone);

    internal static string Person(UserId? id, IReadOnlyDictionary<UserId, string> people, LanguageCode language) =>
        id is { } known ? people.GetValueOrDefault(known, language.Pick("(former user)", "(antiguo usuario)")) : language.Pick("nobody (group only)", "nadie (solo el grupo)");
}
