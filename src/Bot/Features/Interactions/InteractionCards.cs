using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Features.Customers;
using System.Globalization;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;

namespace ChatCrm.Bot.Features.Interactions;

/// <summary>Cards about interactions: the confirmation of a logged one (the last conversation is <see cref="LastConversationCards"/>).</summary>
public static class InteractionCards
{
    /// <summary>
    /// The confirmation of a logged interaction: what was stored, with nothing left to press that could store it
    /// again (a form's card is replaced by this one); its author may still amend or withdraw it for a while.
    /// </summary>
    public static Card Logged(Customer customer, Interaction interaction, LanguageCode language, TimeZoneInfo? zone = null)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(interaction);
        var facts = new List<CardFact>
        {
            new(language.Pick("Customer", "Cliente"), customer.DisplayName),
            new(language.Pick("When", "Cuándo"), Dates.Local(interaction.OccurredAt, zone ?? TimeZoneInfo.Utc)),
            new(language.Pick("Kind", "Tipo"), InteractionWording.Kind(interaction.Kind, language)),
            new(language.Pick("Channel", "Canal"), InteractionWording.Channel(interaction.Channel, language)),
            new(language.Pick("Summary", "Resumen"), interaction.Summary),
            new(language.Pick("Outcome", "Resultado"), interaction.Outcome ?? language.Pick("not recorded", "sin indicar")),
            new(language.Pick("Follow-up", "Seguimiento"), interaction.FollowUpOn is { } day ? Dates.Day(day) : language.Pick("none", "ninguno")),
        };
        var named = (CorrectableInteractions.InteractionIdKey, interaction.Id.Value.ToString());
        return new Card(language.Pick("Interaction logged", "Interacción registrada"), [new CardFacts(facts)],
        [
            CardButton.For(language.Pick("History", "Historial"), HistoryVerb, ("customerId", customer.Id.Value.ToString())),
            CardButton.For(language.Pick("Amend", "Corregir"), AmendLogActions.OpenVerb, named),
            CardButton.For(language.Pick("Withdraw", "Anular"), WithdrawLogActions.AskVerb, named),
        ]);
    }

    /// <summary>
    /// One page of a customer's history, newest first, on every channel: when, how, who, the summary (long ones cut,
    /// the page must fit a Teams post), outcome and follow-up; "Older" shows the next page.
    /// </summary>
    public static Card History(Customer customer, IReadOnlyList<LastContact> page, int pageNumber, bool olderExist, int total,
        LanguageCode language, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(page);
        var body = new List<CardBlock>();
        if (page.Count == 0)
            body.Add(new CardText(language.Pick("No interaction has been logged with this customer yet.", "Aún no se ha registrado ninguna interacción con este cliente.")));
        foreach (var entry in page)
        {
            var i = entry.Interaction;
            var amended = i.AmendmentOf is null ? string.Empty : language.Pick(" · amended", " · corregida");
            body.Add(new CardSection($"{Dates.Local(i.OccurredAt, zone)} · {InteractionWording.Kind(i.Kind, language)} · {InteractionWording.Channel(i.Channel, language)} · {entry.LoggedByName ?? language.Pick("unknown", "desconocido")}{amended}"));
            body.Add(new CardText(CustomerCards.Shorten(i.Summary, HistorySummaryLength)));
            var details = new List<string>();
            if (i.Outcome is { } outcome)
                details.Add(language.Pick("Outcome: ", "Resultado: ") + CustomerCards.Shorten(outcome, 200));
            if (i.FollowUpOn is { } followUp)
                details.Add(language.Pick("Follow-up: ", "Seguimiento: ") + Dates.Day(followUp));
            if (details.Count > 0)
                body.Add(new CardText(string.Join(" · ", details), TextEmphasis.Subtle));
        }
        var shownTo = Math.Min(total, (pageNumber * HistoryPageSize) + page.Count);
        if (total > 0)
            body.Add(new CardText(language.Pick($"{(pageNumber * HistoryPageSize) + 1}–{shownTo} of {total}, newest first.",
                $"{(pageNumber * HistoryPageSize) + 1}–{shownTo} de {total}, de la más reciente a la más antigua."), TextEmphasis.Subtle));
        var id = customer.Id.Value.ToString();
        var buttons = new List<CardButton>();
        if (olderExist)
            buttons.Add(CardButton.For(language.Pick("Older", "Anteriores"), HistoryVerb, ("customerId", id), (HistoryPageKey, (pageNumber + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        buttons.Add(CardButton.For(language.Pick("Log interaction", "Registrar interacción"), LogForm.OpenVerb, ("customerId", id)));
        return new Card(language.Pick($"History of {customer.DisplayName}", $"Historial de {customer.DisplayName}"), body, buttons) { Subtitle = customer.Company };
    }

    /// <summary>Interactions per history page: a page of long summaries still fits a Teams post.</summary>
    public const int HistoryPageSize = 5;

    /// <summary>The data key of the page an "Older" button asks for (0 is the newest page).</summary>
    public const string HistoryPageKey = "page";

    private const int HistorySummaryLength = 600;

    /// <summary>The verb of the "History" buttons (the same as typing "history &lt;customer&gt;").</summary>
    public const string HistoryVerb = CustomerVerbs.History;
}
