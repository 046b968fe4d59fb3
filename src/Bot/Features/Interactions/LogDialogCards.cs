using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Interactions;

namespace ChatCrm.Bot.Features.Interactions;

/// <summary>The questions of the "log an interaction" dialog. Each can be answered by typing or with the card.</summary>
public static class LogDialogCards
{
    public const string SummaryInput = "summary";
    public const string OutcomeInput = "outcome";
    public const string FollowUpInput = "followUp";

    public static Card AskCustomer(LanguageCode language) => new(
        language.Pick("Log an interaction", "Registrar una interacción"),
        [new CardText(language.Pick("Which customer? Type part of the name, the company, an e-mail or a phone number.",
            "¿Qué cliente? Escribe parte del nombre, la empresa, un correo o un teléfono.")),
         new CardText(language.Pick("Prefer one form with every field? Type \"log form\". Type \"cancel\" at any step to stop.",
            "¿Prefieres un solo formulario con todos los campos? Escribe «registrar formulario». Escribe «cancelar» en cualquier paso para parar."), TextEmphasis.Subtle)],
        []);

    public static Card AskKind(string customerName, LanguageCode language) => new(
        Title(customerName, language),
        [new CardText(language.Pick("What kind of contact was it?", "¿Qué tipo de contacto fue?"))],
        Enum.GetValues<InteractionKind>().Select(k => CardButton.For(InteractionWording.Kind(k, language), "kind", ("kind", k.ToString()))).ToList());

    public static Card AskSummary(string customerName, LanguageCode language) => new(
        Title(customerName, language),
        [new CardText(language.Pick("What was it about? Type a short summary.", "¿De qué trató? Escribe un breve resumen.")),
         new CardTextInput(SummaryInput, language.Pick("Summary", "Resumen"), Interaction.MaxSummaryLength, IsMultiline: true)
         {
             ErrorMessage = language.Pick("The summary is required.", "El resumen es obligatorio."),
         }],
        [new CardButton(language.Pick("Next", "Siguiente"), "summary", new Dictionary<string, string>()) { SubmitsInputs = true }]);

    public static Card AskOutcome(string customerName, LanguageCode language) => new(
        Title(customerName, language),
        [new CardText(language.Pick("How did it end? (e.g. \"will send a quote\"; type \"skip\" if there is nothing to add)",
            "¿Cómo terminó? (p. ej. «enviaré un presupuesto»; escribe «omitir» si no hay nada que añadir)")),
         new CardTextInput(OutcomeInput, language.Pick("Outcome", "Resultado"), Interaction.MaxOutcomeLength, IsRequired: false)],
        [new CardButton(language.Pick("Next", "Siguiente"), "outcome", new Dictionary<string, string>()) { SubmitsInputs = true },
         CardButton.For(language.Pick("Skip", "Omitir"), "outcome", ("skip", "true"))]);

    public static Card AskFollowUp(string customerName, LanguageCode language) => new(
        Title(customerName, language),
        [new CardText(language.Pick("Any follow-up date? Type a date (2026-12-01, 01/12/2026, \"tomorrow\", \"in 3 days\") or \"no\".",
            "¿Alguna fecha de seguimiento? Escribe una fecha (2026-12-01, 01/12/2026, «mañana», «en 3 días») o «no».")),
         new CardDateInput(FollowUpInput, language.Pick("Follow-up date", "Fecha de seguimiento"))],
        [new CardButton(language.Pick("Save", "Guardar"), "followUp", new Dictionary<string, string>()) { SubmitsInputs = true },
         CardButton.For(language.Pick("No follow-up", "Sin seguimiento"), "followUp", ("none", "true"))]);

    private static string Title(string customerName, LanguageCode language) =>
        language.Pick($"Log an interaction with {customerName}", $"Registrar una interacción con {customerName}");
}
