using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Offers;

namespace ChatCrm.Bot.Cards;

/// <summary>
/// The offers suggested for a customer, each with its reasons, and those held back with why. The reasons
/// (sales and consent) are shown in <c>language</c>, the reader's; the card's own labels are English like
/// the rest of the bot.
/// </summary>
public static class OfferCards
{
    public static Card Suggestions(Customer customer, OfferSuggestions suggestions, LanguageCode language, bool showSuppressed)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(suggestions);
        var body = new List<CardBlock>
        {
            new CardText($"Rule-based suggestions for contact {ConsentWording.By(suggestions.Channel).English} (the channel the customer was last contacted on, e-mail if none), under the consent rules for {customer.Country}.", TextEmphasis.Subtle),
        };
        if (suggestions.Suggested.Count == 0)
            body.Add(new CardText("No offer fits this customer right now."));
        foreach (var (offer, reasons) in suggestions.Suggested)
        {
            body.Add(new CardSection($"{offer.Name} ({offer.ProductCode})"));
            body.Add(new CardText(offer.Pitch));
            body.Add(new CardText(string.Join(" · ", reasons.Select(r => r.In(language))), TextEmphasis.Subtle));
        }
        if (showSuppressed && suggestions.Suppressed.Count > 0)
        {
            body.Add(new CardSection("Held back"));
            body.Add(new CardFacts(suggestions.Suppressed.Select(s => new CardFact(s.Offer.Name, s.Reason.In(language))).ToList()));
        }
        return new Card($"Offers for {customer.DisplayName}", body,
            [CardButton.For("Last conversation", "last", ("customerId", customer.Id.Value.ToString()))])
        { Subtitle = customer.Company };
    }
}
