using System.Globalization;
using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Offers;
using ChatCrm.Infrastructure.Offers;

namespace ChatCrm.Bot.Features.Offers;

/// <summary>
/// The card pushed to a customer's owner when an order or deposit fires a trigger: the event in the title ("Large
/// deposit: 25,000.00 EUR on 6 Dec 2026", the date in the owner's time zone), the customer and why it matters, then
/// each offer that fits the event with its pitch and reasons (the consent reason last), and the same "Offers" /
/// "Dismiss" buttons as the <c>suggestions</c> card.
/// </summary>
public static class OfferEventCards
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-ES");

    public static Card Event(OfferEventNotice notice, QueuedOfferSuggestion suggestion, Customer customer, OfferSuggestions offers, TimeZoneInfo zone,
        LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(suggestion);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(offers);
        var culture = language == LanguageCode.Spanish ? Spanish : English;
        var day = TimeZoneInfo.ConvertTime(notice.OccurredAt, zone).ToString("d MMM yyyy", culture);
        var amount = $"{notice.Amount.ToString("N2", culture)} {notice.Currency}";
        var kind = OfferTriggerRules.Name(notice.Trigger).In(language);
        var title = $"{char.ToUpper(kind[0], culture)}{kind[1..]}: {amount} {language.Pick("on", "el")} {day}";

        var body = new List<CardBlock>
        {
            new CardSection(customer.Company is { Length: > 0 } company ? $"{customer.DisplayName} · {company}" : customer.DisplayName),
            new CardText(suggestion.Reason.In(language), TextEmphasis.Subtle),
            new CardSection(language.Pick("Offers that fit", "Ofertas que encajan")),
        };
        foreach (var offer in offers.Suggested)
        {
            body.Add(new CardText(offer.Offer.Name, TextEmphasis.Strong));
            body.Add(new CardText(offer.Offer.Pitch));
            body.Add(new CardText(string.Join(" · ", offer.Reasons.Select(r => r.In(language))), TextEmphasis.Subtle));
        }
        body.Add(new CardButtonRow(
        [
            CardButton.For(language.Pick("Offers", "Ofertas"), CustomerVerbs.Offers, ("customerId", customer.Id.Value.ToString())),
            CardButton.For(language.Pick("Dismiss", "Descartar"), OfferSuggestionsCommand.DismissVerb,
                (OfferSuggestionsCommand.SuggestionKey, suggestion.Id.ToString())),
        ]));
        return new Card(title, body, []);
    }
}
