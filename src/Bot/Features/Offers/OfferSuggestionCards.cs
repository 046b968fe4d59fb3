using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Offers;
using ChatCrm.Infrastructure.Offers;

namespace ChatCrm.Bot.Features.Offers;

/// <summary>One queued suggestion as shown: the event, its customer and the offers that fit as of now.</summary>
public sealed record SuggestionItem(QueuedOfferSuggestion Suggestion, Customer Customer, OfferSuggestions Offers);

/// <summary>
/// The rep's queued offer suggestions: per customer, why now (the triggering event), the offers that still pass the
/// eligibility and consent rules with their reasons (or that none does), and "Offers" / "Dismiss" buttons. Held-back
/// offers are not listed here; the full <c>offers</c> card shows them to the roles allowed to see them.
/// </summary>
public static class OfferSuggestionCards
{
    public static Card Queue(IReadOnlyList<SuggestionItem> items, bool more, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(items);
        var body = new List<CardBlock>();
        if (items.Count == 0)
        {
            body.Add(new CardText(language.Pick(
                "Nothing queued: large orders and deposits, resolved cases and tier changes of your customers will appear here.",
                "No hay nada pendiente: aquí aparecerán los pedidos y depósitos grandes, los casos resueltos y los cambios de nivel de tus clientes.")));
        }
        foreach (var (suggestion, customer, offers) in items)
        {
            var kind = OfferTriggerRules.Name(suggestion.Trigger).In(language);
            body.Add(new CardSection($"{customer.DisplayName} · {kind}"));
            body.Add(new CardText(suggestion.Reason.In(language), TextEmphasis.Subtle));
            if (offers.Suggested.Count == 0)
            {
                body.Add(new CardText(language.Pick("No offer can be made right now (eligibility or consent).",
                    "Ahora mismo no se puede hacer ninguna oferta (elegibilidad o consentimiento).")));
            }
            foreach (var offer in offers.Suggested)
                body.Add(new CardText($"{offer.Offer.Name}: {string.Join(" · ", offer.Reasons.Select(r => r.In(language)))}"));
            body.Add(new CardButtonRow(
            [
                CardButton.For(language.Pick("Offers", "Ofertas"), CustomerVerbs.Offers, ("customerId", customer.Id.Value.ToString())),
                CardButton.For(language.Pick("Dismiss", "Descartar"), OfferSuggestionsCommand.DismissVerb,
                    (OfferSuggestionsCommand.SuggestionKey, suggestion.Id.ToString())),
            ]));
        }
        if (more)
        {
            body.Add(new CardText(language.Pick($"Showing the newest {items.Count}; dismiss some to see the rest.",
                $"Se muestran las {items.Count} más recientes; descarta algunas para ver el resto."), TextEmphasis.Subtle));
        }
        return new Card(language.Pick("Offer suggestions", "Sugerencias de ofertas"), body, []);
    }
}
