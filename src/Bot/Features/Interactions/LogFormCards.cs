using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;

namespace ChatCrm.Bot.Features.Interactions;

/// <summary>
/// The log form as one card: customer, kind, channel, date, summary, outcome and follow-up, sent with one button.
/// The client checks the required fields (each says what is missing); the server checks everything again and, when
/// something is wrong, shows the same form with what was typed kept and a message under each wrong field. The form
/// carries its id in the button's data so that storing it twice is impossible (see <see cref="LogForm.FormId"/>).
/// </summary>
public static class LogFormCards
{
    /// <summary>The form's title where space is short (a Slack modal's 24 characters), whoever the customer is.</summary>
    public static string ShortTitle(LanguageCode language) => language.Pick("Log an interaction", "Registrar interacción");

    /// <param name="formId">The form's id: new for a new form, the same when the form is shown again after an error.</param>
    /// <param name="today">The reader's day, the date's default.</param>
    /// <param name="customer">The customer when already known (from a customer card): shown, not asked.</param>
    /// <param name="values">What was typed, kept when the form is shown again.</param>
    /// <param name="errors">One message per wrong field, by <see cref="LogForm"/> field name.</param>
    /// <param name="purpose">What the form is for when not a new interaction (a correction): its title, button and data.</param>
    public static Card Form(LanguageCode language, Guid formId, DateOnly today, Customer? customer = null,
        LogFormInput? values = null, IReadOnlyDictionary<string, string>? errors = null, LogFormPurpose? purpose = null)
    {
        var body = new List<CardBlock>();
        void ErrorFor(string field)
        {
            if (errors is not null && errors.TryGetValue(field, out var message))
                body.Add(new CardText("⚠ " + message, TextEmphasis.Warning));
        }

        if (errors is { Count: > 0 })
            body.Add(new CardText(language.Pick("Nothing was logged yet: please check the fields marked ⚠.", "Aún no se ha registrado nada: revisa los campos marcados con ⚠."), TextEmphasis.Warning));
        if (customer is not null)
            body.Add(new CardFacts([new CardFact(language.Pick("Customer", "Cliente"), customer.Company is { } company ? $"{customer.DisplayName} · {company}" : customer.DisplayName)]));
        else
        {
            body.Add(new CardTextInput(LogForm.Customer, language.Pick("Customer", "Cliente"), 200)
            {
                Placeholder = language.Pick("Name, company, e-mail or phone", "Nombre, empresa, correo o teléfono"),
                Value = values?.Customer,
                ErrorMessage = language.Pick("Which customer? Type a name, company, e-mail or phone.", "¿Qué cliente? Escribe un nombre, empresa, correo o teléfono."),
            });
        }
        ErrorFor(LogForm.Customer);
        body.Add(new CardChoiceInput(LogForm.Kind, language.Pick("Kind of contact", "Tipo de contacto"),
            Enum.GetValues<InteractionKind>().Select(k => new CardChoice(k.ToString(), InteractionWording.Kind(k, language))).ToList())
        {
            Value = AnswerParsers.Kind(values?.Kind)?.ToString(),
            ErrorMessage = language.Pick("Choose the kind of contact.", "Elige el tipo de contacto."),
        });
        ErrorFor(LogForm.Kind);
        body.Add(new CardChoiceInput(LogForm.Channel, language.Pick("Channel (empty: the usual one for the kind)", "Canal (vacío: el habitual para el tipo)"),
            Enum.GetValues<InteractionChannel>().Select(c => new CardChoice(c.ToString(), InteractionWording.Channel(c, language))).ToList())
        {
            Value = values?.Channel,
            IsRequired = false,
        });
        ErrorFor(LogForm.Channel);
        body.Add(new CardDateInput(LogForm.Date, language.Pick("Date", "Fecha"))
        {
            Value = DateOnly.TryParse(values?.Date, System.Globalization.CultureInfo.InvariantCulture, out var date) ? date : today,
            IsRequired = true,
            ErrorMessage = language.Pick("Give the day it happened.", "Indica el día en que ocurrió."),
        });
        ErrorFor(LogForm.Date);
        body.Add(new CardTextInput(LogForm.Summary, language.Pick("Summary", "Resumen"), Interaction.MaxSummaryLength, IsMultiline: true)
        {
            Placeholder = language.Pick("What was it about?", "¿De qué trató?"),
            Value = values?.Summary,
            ErrorMessage = language.Pick("The summary is required: what was it about?", "El resumen es obligatorio: ¿de qué trató?"),
        });
        ErrorFor(LogForm.Summary);
        body.Add(new CardTextInput(LogForm.Outcome, language.Pick("Outcome (optional)", "Resultado (opcional)"), Interaction.MaxOutcomeLength, IsRequired: false)
        {
            Placeholder = language.Pick("e.g. will send a quote", "p. ej. enviaré un presupuesto"),
            Value = values?.Outcome,
        });
        ErrorFor(LogForm.Outcome);
        body.Add(new CardDateInput(LogForm.FollowUp, language.Pick("Follow-up date (optional)", "Fecha de seguimiento (opcional)"))
        {
            Value = DateOnly.TryParse(values?.FollowUp, System.Globalization.CultureInfo.InvariantCulture, out var followUp) ? followUp : null,
        });
        ErrorFor(LogForm.FollowUp);

        var data = new Dictionary<string, string>(StringComparer.Ordinal) { [LogForm.FormId] = formId.ToString() };
        if (customer is not null)
            data[LogForm.Customer] = customer.Id.Value.ToString();
        if (purpose is not null)
        {
            foreach (var (key, value) in purpose.Data)
                data[key] = value;
            return new Card(purpose.Title, body, [new CardButton(purpose.ButtonText, purpose.Verb, data) { SubmitsInputs = true }])
            {
                ShortTitle = purpose.ShortTitle,
            };
        }
        var save = new CardButton(language.Pick("Log it", "Registrar"), LogForm.SubmitVerb, data) { SubmitsInputs = true };
        return new Card(customer is null ? language.Pick("Log an interaction", "Registrar una interacción")
            : language.Pick($"Log an interaction with {customer.DisplayName}", $"Registrar una interacción con {customer.DisplayName}"), body, [save])
        {
            ShortTitle = ShortTitle(language),
        };
    }
}

/// <summary>
/// What a log form is shown for when it is not a new interaction (its author's correction of one): the title (and
/// the short one for a Slack modal), the button, its verb and what else its data carries.
/// </summary>
public sealed record LogFormPurpose(string Title, string ShortTitle, string ButtonText, string Verb, IReadOnlyDictionary<string, string> Data);
