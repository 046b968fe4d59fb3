using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;

namespace ChatCrm.Bot.Cards;

/// <summary>
/// A customer as anyone in a shared conversation may see them: the name and the company, no more. It carries the
/// profile's refresh, keyed by the customer's id, so that each reader's client asks for — and the bot audits — the
/// view that reader's own access allows. Used for the group's copy of a profile card and for cards inserted from the
/// compose box or a pasted link.
/// </summary>
public static class SharedCustomerCard
{
    public static Card For(Customer customer, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var body = new List<CardBlock>();
        if (customer.Company is { } company)
            body.Add(new CardFacts([new CardFact(language.Pick("Company", "Empresa"), company)]));
        body.Add(new CardText(language.Pick(
            "Each person here sees the details their own access allows.",
            "Cada persona de esta conversación ve los detalles que su propio acceso le permite."), TextEmphasis.Subtle));
        return new Card(customer.DisplayName, body, []) { Refresh = RefreshFor(customer.Id) };
    }

    /// <summary>The refresh that fetches the reader's own view of the customer.</summary>
    public static CardButton RefreshFor(CustomerId id) =>
        CardButton.For("Refresh", CustomerCards.RefreshVerb, ("customerId", id.Value.ToString()));
}
