using ChatCrm.Bot.Cards;
using System.Globalization;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Tiers;

namespace ChatCrm.Bot.Features.Customers;

/// <summary>
/// Everything "last" shows, already cut to what the reader may see: a part left null was either absent or held back
/// by need-to-know, and the card simply leaves it out.
/// </summary>
public sealed record LastConversationView(Customer Customer, Interaction? Last, string? LoggedByName, int Total)
{
    public FollowUp? FollowUp { get; init; }

    public DateOnly Today { get; init; }

    /// <summary>The reader's time zone: the last contact's time is shown in it, named.</summary>
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Open cases with their SLA standing; null when the reader may not see cases.</summary>
    public IReadOnlyList<(SupportCase Case, SlaDecision Sla)>? OpenCases { get; init; }

    /// <summary>The tier and its latest move; null when the reader may not see tiers.</summary>
    public TierFigures? Tier { get; init; }

    /// <summary>Whether the 12-month value may be shown (revenue).</summary>
    public bool ShowsRevenue { get; init; }

    public ConsentSummary? Consents { get; init; }

    public ConversationSummary? Summary { get; init; }
}

/// <summary>
/// The last-conversation card: where the last contact ended on any channel, then what a rep needs before speaking
/// (the open follow-up, open cases, tier and trend, consent highlights) and a short summary of the last few contacts.
/// </summary>
public static class LastConversationCards
{
    public static Card Summary(LastConversationView view, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(view);
        var customer = view.Customer;
        var id = customer.Id.Value.ToString();
        var buttons = new[]
        {
            CardButton.For(language.Pick("Log an interaction", "Registrar una interacción"), CustomerVerbs.Log, ("customerId", id)),
            CardButton.For(language.Pick("Offers", "Ofertas"), CustomerVerbs.Offers, ("customerId", id)),
        };
        var title = language.Pick($"Last conversation with {customer.DisplayName}", $"Última conversación con {customer.DisplayName}");
        var body = new List<CardBlock>();
        if (view.Last is not { } last)
        {
            body.Add(new CardText(language.Pick("No interaction has been logged with this customer yet.",
                "Todavía no se ha registrado ninguna interacción con este cliente.")));
        }
        else
        {
            body.Add(new CardText(last.Summary));
            body.Add(new CardFacts(
            [
                new(language.Pick("When", "Cuándo"), Dates.Local(last.OccurredAt, view.Zone)),
                new(language.Pick("Channel", "Canal"), InteractionWording.Channel(last.Channel, language)),
                new(language.Pick("Kind", "Tipo"), InteractionWording.Kind(last.Kind, language)),
                new(language.Pick("Who", "Quién"), view.LoggedByName ?? language.Pick("unknown", "desconocido")),
                new(language.Pick("Outcome", "Resultado"), last.Outcome ?? language.Pick("not recorded", "no registrado")),
                new(language.Pick("Interactions in total", "Interacciones en total"), view.Total.ToString(CultureInfo.InvariantCulture)),
            ]));
        }

        var before = BeforeYouSpeak(view, language);
        if (before.Count > 0)
        {
            body.Add(new CardSection(language.Pick("Before you speak", "Antes de hablar")));
            body.Add(new CardFacts(before));
        }
        if (view.Summary is { IsEmpty: false } summary)
        {
            body.Add(new CardSection(language.Pick("The last contacts in brief", "Los últimos contactos, en breve")));
            body.AddRange(summary.Lines.Select(line => new CardText(line)));
            body.Add(new CardText(summary.Author == SummaryAuthor.ChatModel
                ? language.Pick("Written by the configured AI model from the notes; check the notes before quoting it.",
                    "Redactado por el modelo de IA configurado a partir de las notas; compruébalas antes de citarlo.")
                : language.Pick("Sentences picked from the colleagues' notes.", "Frases tomadas de las notas de los compañeros."),
                TextEmphasis.Subtle));
        }
        return new Card(title, body, buttons) { Subtitle = customer.Company };
    }

    private static List<CardFact> BeforeYouSpeak(LastConversationView view, LanguageCode language)
    {
        var facts = new List<CardFact>();
        if (view.Last is not null)
            facts.Add(new(language.Pick("Follow-up", "Seguimiento"), FollowUpText(view.FollowUp, view.Today, language)));
        if (view.OpenCases is { } cases)
        {
            facts.Add(new(language.Pick("Open cases", "Casos abiertos"), cases.Count == 0
                ? language.Pick("none", "ninguno")
                : string.Join("; ", cases.Select(c => $"{c.Case.Number} {c.Case.Title}{(c.Sla.IsBreached ? language.Pick(" (SLA breached)", " (SLA incumplido)") : string.Empty)}"))));
        }
        if (view.Tier is { Value: { } value } tier)
        {
            var trend = tier.LatestMove is { } move ? $" · {move.ExplainWithDate(view.Zone).In(language)}" : string.Empty;
            facts.Add(new(language.Pick("Tier", "Nivel"), $"{value.Tier}{trend}"));
            if (view.ShowsRevenue)
            {
                facts.Add(new(language.Pick("12-month value", "Valor a 12 meses"),
                    $"{value.Value12Months.ToString("N0", CultureInfo.InvariantCulture)} {value.ReportingCurrency}"));
            }
        }
        if (view.Consents is { } consents)
            facts.AddRange(ConsentHighlights(consents, language));
        return facts;
    }

    private static string FollowUpText(FollowUp? followUp, DateOnly today, LanguageCode language)
    {
        if (followUp is null)
            return language.Pick("none open", "ninguno pendiente");
        var due = followUp.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return followUp.StateOn(today) switch
        {
            FollowUpState.Overdue => language.Pick($"⚠ overdue since {due} ({followUp.DaysOverdueOn(today)} days)",
                $"⚠ vencido desde el {due} ({followUp.DaysOverdueOn(today)} días)"),
            FollowUpState.DueToday => language.Pick("due today", "vence hoy"),
            _ => language.Pick($"due {due}", $"vence el {due}"),
        };
    }

    /// <summary>Marketing, channel by channel, in two lines: where it may go out and where it may not.</summary>
    private static IEnumerable<CardFact> ConsentHighlights(ConsentSummary consents, LanguageCode language)
    {
        var marketing = consents.For(ConsentPurpose.Marketing).ToList();
        var allowed = marketing.Where(s => s.Decision.Allowed).Select(s => ConsentWording.Name(s.Channel).In(language)).ToList();
        var refused = marketing.Where(s => !s.Decision.Allowed).Select(s => ConsentWording.Name(s.Channel).In(language)).ToList();
        if (allowed.Count > 0)
            yield return new(language.Pick("Marketing allowed", "Comunicaciones comerciales permitidas"), string.Join(", ", allowed));
        if (refused.Count > 0)
            yield return new(language.Pick("No marketing", "Sin comunicaciones comerciales"), string.Join(", ", refused));
    }
}
