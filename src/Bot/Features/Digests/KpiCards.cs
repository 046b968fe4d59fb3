using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Features.Cases;
using System.Globalization;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Kpis;

namespace ChatCrm.Bot.Features.Digests;

/// <summary>
/// A team's KPIs as card blocks, shared by the digest and the "kpis" command: the headline figures first (what a
/// manager reads on a phone), then one section per KPI whose lines each have a button to act on them — open the
/// customer's record, or open the case.
/// </summary>
public static class KpiCards
{
    private const int ButtonsPerRow = 5;

    /// <summary>The "kpis" answer: the same blocks as the digest under its own title.</summary>
    public static Card Kpis(TeamKpis kpis, LanguageCode language, TimeZoneInfo zone, IReadOnlyList<CardBlock>? charts = null) =>
        new(language.Pick("Your team's KPIs", "Indicadores de tu equipo"), Body(kpis, language, zone, charts), []);

    /// <param name="zone">The reader's zone: the period's times and the days customers were created are in it.</param>
    /// <param name="charts">Chart pictures (<see cref="KpiCharts"/>), shown right under the headline figures.</param>
    public static IReadOnlyList<CardBlock> Body(TeamKpis kpis, LanguageCode language, TimeZoneInfo zone, IReadOnlyList<CardBlock>? charts = null)
    {
        ArgumentNullException.ThrowIfNull(kpis);
        var body = new List<CardBlock>
        {
            new CardText(language.Pick($"From {Dates.Local(kpis.Period.Since, zone)} to {Dates.Local(kpis.Period.Until, zone)}.",
                $"Del {Dates.Local(kpis.Period.Since, zone)} al {Dates.Local(kpis.Period.Until, zone)}."), TextEmphasis.Subtle),
            new CardFacts(Headline(kpis, language)),
        };
        body.InsertRange(body.FindIndex(b => b is CardFacts) + 1, charts ?? []);
        body.AddRange(CustomerBaseCards.Section(kpis, language));
        body.Add(new CardSection(language.Pick("Interactions by rep and channel", "Interacciones por comercial y canal")));
        body.Add(kpis.Activity.Count == 0
            ? new CardText(language.Pick("Nobody reports to you in ChatCrm yet.", "Todavía no tienes a nadie a tu cargo en ChatCrm."))
            : new CardFacts(kpis.Activity.Select(r => new CardFact(r.RepName, ActivityLine(r, language))).ToList()));

        body.Add(new CardSection(language.Pick("Overdue follow-ups", "Seguimientos vencidos")));
        AddLines(body, kpis.Overdue.Lines.Select(o => new CardFact(o.CustomerName, language.Pick(
                $"due {o.DueOn:yyyy-MM-dd}, {o.DaysOverdue} days late · {o.OwnerName}",
                $"vencía el {o.DueOn:yyyy-MM-dd}, {o.DaysOverdue} días de retraso · {o.OwnerName}"))).ToList(),
            kpis.Overdue.NotShown, language.Pick("None: every promise is on time.", "Ninguno: todos los compromisos van al día."), language);
        body.AddRange(OpenCustomers(kpis.Overdue.Lines.Select(o => (o.CustomerId, o.CustomerName)), language));

        body.Add(new CardSection(language.Pick("High-value customers at risk", "Clientes de alto valor en riesgo")));
        AddLines(body, kpis.AtRisk.Lines.Select(a => new CardFact(a.CustomerName, $"{a.Tier} · {a.Reason.In(language)}")).ToList(),
            kpis.AtRisk.NotShown, language.Pick("None.", "Ninguno."), language);
        body.AddRange(OpenCustomers(kpis.AtRisk.Lines.Select(a => (a.CustomerId, a.CustomerName)), language));

        body.Add(new CardSection(language.Pick("Cases near or past their SLA", "Casos cerca o fuera de su SLA")));
        AddLines(body, kpis.Cases.Lines.Select(c => new CardFact($"{c.CaseNumber} · {c.CustomerName}", c.Reason.In(language))).ToList(),
            kpis.Cases.NotShown, language.Pick("None: every case is on track.", "Ninguno: todos los casos van en plazo."), language);
        body.AddRange(Rows(kpis.Cases.Lines.Select(c => CardButton.For(
            language.Pick($"Open {c.CaseNumber}", $"Abrir {c.CaseNumber}"), CaseDetailCards.ShowVerb, (CaseDetailCards.CaseKey, c.CaseNumber)))));

        body.Add(new CardSection(language.Pick("New customers", "Clientes nuevos")));
        AddLines(body, kpis.NewCustomers.Lines.Select(n => new CardFact(n.CustomerName, language.Pick(
                $"created {Dates.Day(n.CreatedAt, zone)} · {n.OwnerName}", $"alta el {Dates.Day(n.CreatedAt, zone)} · {n.OwnerName}"))).ToList(),
            kpis.NewCustomers.NotShown, language.Pick("None in this period.", "Ninguno en este periodo."), language);
        body.AddRange(OpenCustomers(kpis.NewCustomers.Lines.Select(n => (n.CustomerId, n.CustomerName)), language));
        return body;
    }

    /// <summary>The offer acceptance line: accepted of answered, with how many were shown.</summary>
    public static string Acceptance(OfferResponses offers, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(offers);
        if (offers.AcceptanceRate is not { } rate)
        {
            return language.Pick($"no answers yet ({offers.Presented} shown)", $"sin respuestas todavía ({offers.Presented} mostradas)");
        }
        var percent = ((int)Math.Round(rate * 100m, MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture);
        return language.Pick($"{percent}% ({offers.Accepted} of {offers.Answered} answered, {offers.Presented} shown)",
            $"{percent}% ({offers.Accepted} de {offers.Answered} respondidas, {offers.Presented} mostradas)");
    }

    private static List<CardFact> Headline(TeamKpis kpis, LanguageCode language) =>
    [
        new(language.Pick("Interactions", "Interacciones"), Number(kpis.Interactions)),
        new(language.Pick("Overdue follow-ups", "Seguimientos vencidos"), Number(kpis.Overdue.Count)),
        new(language.Pick("High-value customers at risk", "Clientes de alto valor en riesgo"), Number(kpis.AtRisk.Count)),
        new(language.Pick("Cases near / past SLA", "Casos cerca / fuera de SLA"), $"{Number(kpis.Cases.Near)} / {Number(kpis.Cases.Past)}"),
        new(language.Pick("Offer acceptance", "Aceptación de ofertas"), Acceptance(kpis.Offers, language)),
        new(language.Pick("New customers", "Clientes nuevos"), Number(kpis.NewCustomers.Count)),
        .. SlaAttainmentFacts.Headline(kpis.Sla, language),
    ];

    private static void AddLines(List<CardBlock> body, List<CardFact> facts, int notShown, string none, LanguageCode language)
    {
        body.Add(facts.Count == 0 ? new CardText(none) : new CardFacts(facts));
        if (notShown > 0)
            body.Add(new CardText(language.Pick($"…and {notShown} more.", $"…y {notShown} más."), TextEmphasis.Subtle));
    }

    private static IEnumerable<CardBlock> OpenCustomers(IEnumerable<(CustomerId Id, string Name)> customers, LanguageCode language) =>
        Rows(customers.DistinctBy(c => c.Id)
            .Select(c => CardButton.For(language.Pick($"Open {c.Name}", $"Abrir {c.Name}"), CustomerVerbs.Find, ("customerId", c.Id.Value.ToString()))));

    /// <summary>Buttons in rows of at most <see cref="ButtonsPerRow"/>: Teams refuses an action set with more.</summary>
    private static IEnumerable<CardBlock> Rows(IEnumerable<CardButton> buttons) =>
        buttons.Chunk(ButtonsPerRow).Select(row => new CardButtonRow(row));

    private static string ActivityLine(RepActivity rep, LanguageCode language) => rep.Total == 0
        ? language.Pick("nothing logged", "nada registrado")
        : $"{rep.Total} ({string.Join(", ", rep.ByChannel.OrderByDescending(c => c.Value).ThenBy(c => c.Key).Select(c => $"{InteractionWording.Channel(c.Key, language)} {c.Value}"))})";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
