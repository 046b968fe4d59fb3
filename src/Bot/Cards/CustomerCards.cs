using System.Globalization;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Customers.Identification;

namespace ChatCrm.Bot.Cards;

/// <summary>Cards about customers: choosing one among several, a customer's profile, and "not found".</summary>
public static class CustomerCards
{
    /// <summary>
    /// Candidates best first, each with how sure the match is and why ("92% — name ≈ nunes (1 typo), company
    /// matches"), so the person sees what the search saw; each button sends <paramref name="verb"/> with the
    /// chosen customer's id. A single candidate is one too doubtful to take without asking.
    /// </summary>
    public static Card Choose(string query, IReadOnlyList<ScoredCustomer> candidates, bool moreExist, string verb)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var body = new List<CardBlock>
        {
            new CardText(candidates.Count == 1
                ? "Is this the customer you mean? (Press the button or type 1.)"
                : "Several customers match. Which one do you mean? (Press a button or type its number.)"),
            new CardFacts(candidates.Select((c, i) => new CardFact($"{i + 1}", $"{Describe(c.Customer)} · {c.Explain()}")).ToList()),
        };
        if (moreExist)
            body.Add(new CardText("More customers match than are shown: add the company, an e-mail or a phone number to narrow it down.", TextEmphasis.Subtle));
        var buttons = candidates
            .Select((c, i) => CardButton.For($"{i + 1}. {Shorten(c.Customer.DisplayName, 60)}", verb, ("customerId", c.Customer.Id.Value.ToString())))
            .ToList();
        return new Card($"Customers matching \"{Shorten(query, 80)}\"", body, buttons);
    }

    public static Card NotFound(string query) => new(
        "No customer found",
        [
            new CardText($"I couldn't find a customer matching \"{Shorten(query, 80)}\"."),
            new CardText("Try part of the name or the company (accents and a typo or two don't matter; \"name, company\" narrows it down), an e-mail address, a loyalty number, or a phone number with its country code, e.g. +34 600 123 456.", TextEmphasis.Subtle),
        ],
        []);

    public static Card Profile(Customer customer, int interactionCount, DateTimeOffset? lastContact)
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
        return new Card(customer.DisplayName, [new CardFacts(facts)],
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
