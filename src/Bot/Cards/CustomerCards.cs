using System.Globalization;
using ChatCrm.Domain.Customers;

namespace ChatCrm.Bot.Cards;

/// <summary>Cards about customers: choosing one among several, a customer's profile, and "not found".</summary>
public static class CustomerCards
{
    /// <summary>A list of candidates; each button sends <paramref name="verb"/> with the chosen customer's id.</summary>
    public static Card Choose(string query, IReadOnlyList<Customer> candidates, bool moreExist, string verb)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var body = new List<CardBlock>
        {
            new CardText("Several customers match. Which one do you mean? (Press a button or type its number.)"),
            new CardFacts(candidates.Select((c, i) => new CardFact($"{i + 1}", Describe(c))).ToList()),
        };
        if (moreExist)
            body.Add(new CardText("More customers match than are shown: add the company, an e-mail or a phone number to narrow it down.", TextEmphasis.Subtle));
        var buttons = candidates
            .Select((c, i) => CardButton.For($"{i + 1}. {Shorten(c.DisplayName, 60)}", verb, ("customerId", c.Id.Value.ToString())))
            .ToList();
        return new Card($"Customers matching \"{Shorten(query, 80)}\"", body, buttons);
    }

    public static Card NotFound(string query) => new(
        "No customer found",
        [
            new CardText($"I couldn't find a customer matching \"{Shorten(query, 80)}\"."),
            new CardText("Try part of the name or the company (accents don't matter), an e-mail address, or a phone number with its country code, e.g. +34 600 123 456.", TextEmphasis.Subtle),
        ],
        []);

    /// <summary>
    /// The profile: contact facts, then (when <paramref name="tier"/> is given) the value section from
    /// <see cref="TierFiguresSection"/>. Pass null to leave value figures out entirely.
    /// </summary>
    public static Card Profile(Customer customer, int interactionCount, DateTimeOffset? lastContact, TierFigures? tier = null)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var facts = new List<CardFact>();
        if (customer.Company is { } company)
            facts.Add(new CardFact("Company", company));
        facts.Add(new CardFact("Country", customer.Country.Value));
        facts.Add(new CardFact("Language", customer.PreferredLanguage.Value));
        if (customer.FirstIdentity(IdentityKind.Email) is { } email)
            facts.Add(new CardFact("E-mail", email));
        if (customer.FirstIdentity(IdentityKind.Phone) is { } phone)
            facts.Add(new CardFact("Phone", phone));
        facts.Add(new CardFact("Interactions", interactionCount.ToString(CultureInfo.InvariantCulture)));
        facts.Add(new CardFact("Last contact", lastContact is { } at ? at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "never"));

        var id = customer.Id.Value.ToString();
        var body = new List<CardBlock> { new CardFacts(facts) };
        if (tier is not null)
            body.AddRange(TierFiguresSection.Blocks(tier));
        return new Card(customer.DisplayName, body,
        [
            CardButton.For("Last conversation", "last", ("customerId", id)),
            CardButton.For("Offers", "offers", ("customerId", id)),
            CardButton.For("Log an interaction", "log", ("customerId", id)),
        ]);
    }

    public static string Describe(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var parts = new List<string> { customer.DisplayName };
        if (customer.Company is { } company)
            parts.Add(company);
        if (customer.FirstIdentity(IdentityKind.Email) is { } email)
            parts.Add(email);
        parts.Add(customer.Country.Value);
        return string.Join(" · ", parts);
    }

    internal static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
