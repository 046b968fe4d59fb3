using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Features.Interactions;

/// <summary>
/// Checks a whole log form at once with the same rules as the step-by-step dialog: the customer must be exactly
/// one customer (never a guess), the kind one of the known words, the channel one of <see cref="InteractionChannel"/>,
/// the date not in the future, the texts within <see cref="Interaction"/>'s limits, the follow-up a readable date
/// that <see cref="Interaction.Log"/> accepts. Each message comes in both languages; the channel picks. Fast enough
/// to answer inside Slack's 3 seconds: one customer search, no writes.
/// </summary>
public sealed class LogFormValidator(CustomerFinder finder, TimeProvider time)
{
    public async Task<LogFormDecision> ValidateAsync(User user, LogFormInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        if (!NeedToKnowPolicy.MayLogInteractions(user) || !NeedToKnowPolicy.MayLookUpCustomers(user))
        {
            errors[LogForm.Customer] = AccessRefusals.MayNotLog;
            return new LogFormDecision(null, errors);
        }

        var customer = await CustomerAsync(input.Customer, user.Locale, errors, cancellationToken);
        var kind = AnswerParsers.Kind(input.Kind);
        if (kind is null)
            errors[LogForm.Kind] = new("Choose one of: call, visit, meeting, email or chat.", "Elige una: llamada, visita, reunión, correo o chat.");
        var channel = Channel(input.Channel, errors);
        var summary = input.Summary?.Trim() ?? string.Empty;
        if (summary.Length == 0)
            errors[LogForm.Summary] = new("The summary cannot be empty. What was the conversation about?", "El resumen no puede estar vacío. ¿De qué trató la conversación?");
        else if (summary.Length > Interaction.MaxSummaryLength)
            errors[LogForm.Summary] = TooLong(summary.Length, Interaction.MaxSummaryLength, "summary", "resumen");
        var outcome = AnswerParsers.MeansNothing(input.Outcome) ? null : input.Outcome!.Trim();
        if (outcome is { Length: > Interaction.MaxOutcomeLength })
            errors[LogForm.Outcome] = TooLong(outcome.Length, Interaction.MaxOutcomeLength, "outcome", "resultado");

        var now = time.GetUtcNow();
        var zone = user.ResolveTimeZone();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        DateOnly? occurredOn = null;
        if (!string.IsNullOrWhiteSpace(input.Date))
        {
            occurredOn = AnswerParsers.Date(input.Date, today);
            if (occurredOn is null)
                errors[LogForm.Date] = new("I couldn't read that date. Use 2026-12-01, 01/12/2026 or \"today\".", "No entiendo esa fecha. Usa 2026-12-01, 01/12/2026 o «hoy».");
            else if (occurredOn > today)
                errors[LogForm.Date] = new("The contact cannot be in the future: give the day it happened.", "El contacto no puede ser en el futuro: indica el día en que ocurrió.");
        }
        DateOnly? followUp = null;
        if (!AnswerParsers.MeansNothing(input.FollowUp))
        {
            followUp = AnswerParsers.Date(input.FollowUp, today);
            if (followUp is null)
                errors[LogForm.FollowUp] = new(
                    "I couldn't read that date. Type it as 2026-12-01 or 01/12/2026, \"tomorrow\" or \"in 3 days\"; leave it empty for no follow-up.",
                    "No entiendo esa fecha. Escríbela como 2026-12-01 o 01/12/2026, «mañana» o «en 3 días»; déjala vacía si no hay seguimiento.");
        }
        if (errors.Count > 0)
            return new LogFormDecision(null, errors);

        var entry = new LogFormEntry(customer!.Id, kind!.Value, summary, outcome, followUp, channel, occurredOn);
        try
        {
            // The domain has the last word; with the texts checked above, only the follow-up date can still be refused.
            Interaction.Log(customer.Id, user.Id, entry.OccurredAt(now, zone), now, channel ?? InteractionChannel.Slack, kind.Value, summary, outcome, followUp, zone);
        }
        catch (DomainRuleException)
        {
            errors[LogForm.FollowUp] = new("The follow-up date cannot be before the interaction itself.", "La fecha de seguimiento no puede ser anterior a la interacción.");
            return new LogFormDecision(null, errors);
        }
        return new LogFormDecision(entry, errors);
    }

    private static InteractionChannel? Channel(string? text, Dictionary<string, LocalizedText> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (Enum.TryParse<InteractionChannel>(text.Trim(), ignoreCase: true, out var channel) && Enum.IsDefined(channel) && !int.TryParse(text, out _))
            return channel;
        errors[LogForm.Channel] = new("Choose one of: phone, visit, meeting, email, web, store, Teams or Slack.",
            "Elige uno: teléfono, visita, reunión, correo, web, tienda, Teams o Slack.");
        return null;
    }

    private static LocalizedText TooLong(int length, int limit, string english, string spanish) => new(
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The {english} is {length:N0} characters long; the limit is {limit:N0}."),
        string.Create(System.Globalization.CultureInfo.GetCultureInfo("es-ES"), $"El {spanish} tiene {length:N0} caracteres; el límite es {limit:N0}."));

    private async Task<Customer?> CustomerAsync(string? text, string? locale, Dictionary<string, LocalizedText> errors, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(text, out var id))
        {
            var chosen = await finder.GetAsync(new CustomerId(id), cancellationToken);
            if (chosen is null)
                errors[LogForm.Customer] = new("That customer no longer exists. Search again by name, company, e-mail or phone.",
                    "Ese cliente ya no existe. Vuelve a buscar por nombre, empresa, correo o teléfono.");
            return chosen;
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[LogForm.Customer] = new("Which customer? A name, company, e-mail or phone number.", "¿Qué cliente? Un nombre, una empresa, un correo o un teléfono.");
            return null;
        }
        switch (await finder.FindAsync(text, locale, cancellationToken))
        {
            case CustomerSearchResult.Found found:
                return found.Customer;
            case CustomerSearchResult.Ambiguous ambiguous:
                var names = string.Join("; ", ambiguous.Candidates.Take(3).Select(c => c.Customer.Company is { } company ? $"{c.Customer.DisplayName} ({company})" : c.Customer.DisplayName));
                var more = ambiguous.Candidates.Count > 3 || ambiguous.MoreExist ? "…" : string.Empty;
                errors[LogForm.Customer] = new($"Several customers match: {names}{more}. Add the e-mail, phone or company to pick one.",
                    $"Coinciden varios clientes: {names}{more}. Añade el correo, el teléfono o la empresa para elegir uno.");
                return null;
            case CustomerSearchResult.Invalid invalid:
                errors[LogForm.Customer] = new(invalid.Problem, invalid.Problem);
                return null;
            default:
                errors[LogForm.Customer] = new("No customer matches that. Try the e-mail, phone number, or part of the name or company.",
                    "Ningún cliente coincide. Prueba con el correo, el teléfono o parte del nombre o de la empresa.");
                return null;
        }
    }
}
