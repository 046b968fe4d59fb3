using ChatCrm.Bot.Cards;
using System.Globalization;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Offers;

namespace ChatCrm.Bot.Features.Offers;

/// <summary>
/// The offers suggested for a customer, each with its reasons and "Accept / Not now / Decline" buttons that record the
/// customer's answer on the stored presentation, which ranking was used (the model and when it was trained, or rules
/// for want of history), and — for roles allowed to see them — the offers held back with why. In the reader's language.
/// </summary>
public static class OfferCards
{
    /// <param name="zone">The reader's zone: the model's training day is a day of their calendar; UTC when not given.</param>
    public static Card Suggestions(Customer customer, OfferSuggestions suggestions, IReadOnlyList<OfferPresentationId> presentations,
        LanguageCode language, bool showSuppressed, TimeZoneInfo? zone = null)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(suggestions);
        ArgumentNullException.ThrowIfNull(presentations);
        var by = ConsentWording.By(suggestions.Channel).In(language);
        var body = new List<CardBlock>
        {
            new CardText(language.Pick(
                $"Suggestions for contact {by} (the channel the customer was last contacted on, e-mail if none), under the consent rules for {customer.Country}.",
                $"Sugerencias para contactar {by} (el canal del último contacto a distancia, o correo electrónico si no hubo), con las reglas de consentimiento de {customer.Country}."),
                TextEmphasis.Subtle),
            new CardText(RankedBy(suggestions.Ranking, language, zone), TextEmphasis.Subtle),
        };
        if (suggestions.Suggested.Count == 0)
            body.Add(new CardText(language.Pick("No offer fits this customer right now.", "Ahora mismo no hay ninguna oferta adecuada para este cliente.")));
        for (var i = 0; i < suggestions.Suggested.Count; i++)
        {
            var (offer, reasons) = suggestions.Suggested[i];
            body.Add(new CardSection($"{offer.Name} ({offer.ProductCode})"));
            body.Add(new CardText(offer.Pitch));
            body.Add(new CardText(string.Join(" · ", reasons.Select(r => r.In(language))), TextEmphasis.Subtle));
            if (i < presentations.Count)
                body.Add(AnswerButtons(presentations[i], language));
        }
        if (showSuppressed && suggestions.Suppressed.Count > 0)
        {
            body.Add(new CardSection(language.Pick("Held back", "Retenidas")));
            body.Add(new CardFacts(suggestions.Suppressed.Select(s => new CardFact(s.Offer.Name, s.Reason.In(language))).ToList()));
        }
        return new Card(language.Pick($"Offers for {customer.DisplayName}", $"Ofertas para {customer.DisplayName}"), body,
            [CardButton.For(language.Pick("Last conversation", "Última conversación"), CustomerVerbs.Last, ("customerId", customer.Id.Value.ToString()))])
        { Subtitle = customer.Company };
    }

    /// <summary>
    /// "Ranked by the model trained on 2026-11-20", "Ranked by rules: not enough history yet", or — when the customer's
    /// consent does not allow profiling — "Ranked by rules, not by the customer's behaviour: (the consent reason)".
    /// </summary>
    public static string RankedBy(OfferRanking ranking, LanguageCode language, TimeZoneInfo? zone = null)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        if (ranking.ProfilingRefused is { } refused)
        {
            var why = refused.Reason.In(language);
            return language.Pick($"Ranked by rules, not by the customer's behaviour: {why}.",
                $"Ordenadas por reglas, sin usar el comportamiento del cliente: {why}.");
        }
        if (ranking is { Source: OfferRankingSource.Model, TrainedAt: { } trainedAt })
        {
            var day = Dates.Day(trainedAt, zone ?? TimeZoneInfo.Utc);
            return language.Pick($"Ranked by the model trained on {day}.", $"Ordenadas por el modelo entrenado el {day}.");
        }
        return language.Pick("Ranked by rules: not enough history yet.", "Ordenadas por reglas: todavía no hay historial suficiente.");
    }

    private static CardButtonRow AnswerButtons(OfferPresentationId presentation, LanguageCode language)
    {
        CardButton Answer(string title, OfferResponse response) => CardButton.For(title, OfferAnswerAction.Verb,
            (OfferAnswerAction.PresentationKey, presentation.Value.ToString()), (OfferAnswerAction.ResponseKey, response.ToString()));
        return new CardButtonRow(
        [
            Answer(language.Pick("Accept", "Aceptar"), OfferResponse.Accepted),
            Answer(language.Pick("Not now", "Ahora no"), OfferResponse.NotNow),
            Answer(language.Pick("Decline", "Rechazar"), OfferResponse.Declined),
        ]);
    }
}
