using System.Globalization;
using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;

namespace ChatCrm.Bot.Features.Interactions;

/// <summary>The cards of correcting one's own log: the correction form, the withdrawal's confirmation, and what each did.</summary>
public static class LogCorrectionCards
{
    /// <summary>The log form filled in with the interaction as it stands, saved as its correction.</summary>
    public static Card AmendForm(Customer customer, Interaction interaction, LanguageCode language, TimeZoneInfo zone, DateOnly today,
        LogFormInput? typed = null, IReadOnlyDictionary<string, string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(interaction);
        var values = typed ?? AsTyped(interaction, zone);
        var purpose = new LogFormPurpose(
            language.Pick($"Amend your interaction with {customer.DisplayName}", $"Corregir tu interacción con {customer.DisplayName}"),
            language.Pick("Amend interaction", "Corregir interacción"),
            language.Pick("Save correction", "Guardar corrección"),
            AmendLogActions.SaveVerb,
            new Dictionary<string, string>(StringComparer.Ordinal) { [CorrectableInteractions.InteractionIdKey] = interaction.Id.Value.ToString() });
        return LogFormCards.Form(language, Guid.NewGuid(), today, customer, values, errors, purpose);
    }

    /// <summary>The interaction's fields as the log form carries them, its day on the reader's calendar.</summary>
    public static LogFormInput AsTyped(Interaction interaction, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return new LogFormInput(interaction.CustomerId.Value.ToString(), interaction.Kind.ToString(), interaction.Summary, interaction.Outcome,
            interaction.FollowUpOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), interaction.Channel.ToString(),
            Dates.Today(interaction.OccurredAt, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    public static Card Amended(Customer customer, Interaction amendment, LanguageCode language, TimeZoneInfo zone) =>
        InteractionCards.Logged(customer, amendment, language, zone) with
        {
            Title = language.Pick("Interaction amended", "Interacción corregida"),
            Subtitle = language.Pick("The original stays on record, marked as amended.", "La original queda registrada, marcada como corregida."),
        };

    /// <summary>What will be withdrawn, and the one button that does it.</summary>
    public static Card ConfirmWithdraw(Customer customer, Interaction interaction, LanguageCode language, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(interaction);
        var facts = new List<CardFact>
        {
            new(language.Pick("Customer", "Cliente"), customer.DisplayName),
            new(language.Pick("When", "Cuándo"), Dates.Local(interaction.OccurredAt, zone)),
            new(language.Pick("Kind", "Tipo"), InteractionWording.Kind(interaction.Kind, language)),
            new(language.Pick("Summary", "Resumen"), CustomerCards.Shorten(interaction.Summary, 300)),
        };
        var body = new List<CardBlock>
        {
            new CardFacts(facts),
            new CardText(language.Pick(
                "Withdrawn, it no longer counts anywhere (last conversation, history, follow-ups, digests), but stays on record as withdrawn.",
                "Anulada, deja de contar en todas partes (última conversación, historial, seguimientos, resúmenes), pero queda registrada como anulada."),
                TextEmphasis.Subtle),
        };
        return new Card(language.Pick("Withdraw this interaction?", "¿Anular esta interacción?"), body,
            [CardButton.For(language.Pick("Withdraw it", "Anularla"), WithdrawLogActions.ConfirmVerb,
                (CorrectableInteractions.InteractionIdKey, interaction.Id.Value.ToString()))]);
    }

    public static Card Withdrawn(Customer customer, Interaction interaction, LanguageCode language, TimeZoneInfo zone) =>
        new(language.Pick("Interaction withdrawn", "Interacción anulada"),
            [
                new CardText(language.Pick(
                    $"Your {InteractionWording.Kind(interaction.Kind, language).ToLowerInvariant()} with {customer.DisplayName} of {Dates.Local(interaction.OccurredAt, zone)} no longer counts. It stays on record as withdrawn.",
                    $"Tu {InteractionWording.Kind(interaction.Kind, language).ToLowerInvariant()} con {customer.DisplayName} del {Dates.Local(interaction.OccurredAt, zone)} ya no cuenta. Queda registrada como anulada.")),
            ],
            [CardButton.For(language.Pick("History", "Historial"), InteractionCards.HistoryVerb, ("customerId", customer.Id.Value.ToString()))]);
}
