using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Common;

namespace ChatCrm.Bot.Features.Cases;

/// <summary>What an SLA alert card shows: the case, the target and threshold, the reading, and whether the reader may see the customer.</summary>
/// <param name="CustomerName">The customer's name, or null when need-to-know keeps the case's details from the reader.</param>
public sealed record SlaAlertView(SupportCase Case, string? CustomerName, SlaTarget Target, SlaThreshold Threshold, SlaTargetReading Reading,
    string AssigneeName, TimeZoneInfo Zone);

/// <summary>
/// The card an SLA alert pushes: which case, which promise (first response or resolution), how far it is used or that
/// it is broken, when it falls due in the reader's zone, and a button to open the case. The customer's name and the
/// case's title only for a reader who may see the customer's cases (need-to-know); the rest is the SLA's own facts.
/// </summary>
public static class SlaAlertCards
{
    public static Card Alert(SlaAlertView view, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(view);
        var c = view.Case;
        var breach = view.Threshold == SlaThreshold.Breach;
        var title = breach
            ? language.Pick($"SLA breached: case {c.Number}", $"SLA incumplido: caso {c.Number}")
            : language.Pick($"SLA warning: case {c.Number}", $"Aviso de SLA: caso {c.Number}");
        var facts = new List<CardFact>();
        if (view.CustomerName is { } customer)
        {
            facts.Add(new(language.Pick("Customer", "Cliente"), customer));
            facts.Add(new(language.Pick("Title", "Título"), c.Title));
        }
        facts.Add(new(language.Pick("Priority", "Prioridad"), CaseTransitions.Name(c.Priority).In(language)));
        facts.Add(new(language.Pick("Assignee", "Asignado a"), view.AssigneeName));
        facts.Add(new(language.Pick("Work group", "Grupo de trabajo"), c.WorkGroup));
        facts.Add(new(Due(view.Target).In(language), CaseCards.Local(view.Reading.DueAt, view.Zone)));
        CardBlock[] body =
        [
            new CardText(What(view.Target, view.Threshold).In(language), TextEmphasis.Strong),
            new CardFacts(facts),
            .. view.CustomerName is null
                ? [new CardText(language.Pick("The customer's details are not shown: you may not see them.",
                    "No se muestran los datos del cliente: no tienes acceso a ellos."), TextEmphasis.Subtle)]
                : Array.Empty<CardBlock>(),
        ];
        return new Card(title, body,
            [CardButton.For(language.Pick($"Open {c.Number}", $"Abrir {c.Number}"), CaseDetailCards.ShowVerb, (CaseDetailCards.CaseKey, c.Number))]);
    }

    /// <summary>The label of a target's due time, as the case card shows it too.</summary>
    public static LocalizedText Due(SlaTarget target) => target == SlaTarget.FirstResponse
        ? new LocalizedText("First response due", "Primera respuesta antes de")
        : new LocalizedText("Resolution due", "Resolución antes de");

    private static LocalizedText What(SlaTarget target, SlaThreshold threshold) => (target, threshold) switch
    {
        (SlaTarget.FirstResponse, SlaThreshold.Breach) => new("The first-response time is up and the customer has had no answer.",
            "Ha vencido el plazo de primera respuesta y el cliente no ha recibido respuesta."),
        (SlaTarget.FirstResponse, _) => new("75% of the first-response time is used.", "Se ha consumido el 75 % del plazo de primera respuesta."),
        (_, SlaThreshold.Breach) => new("The resolution time is up and the case is still open.", "Ha vencido el plazo de resolución y el caso sigue abierto."),
        _ => new("75% of the resolution time is used.", "Se ha consumido el 75 % del plazo de resolución."),
    };
}
