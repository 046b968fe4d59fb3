using System.Globalization;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Customers.Identification;

namespace ChatCrm.Bot.Cards;

/// <summary>How much contact there has been with a customer, for the profile card.</summary>
public sealed record CustomerHistory(int InteractionCount, DateTimeOffset? LastContact);

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

    /// <summary>The parts of a record the profile card can show; an audit entry names those actually shown.</summary>
    public const CustomerField ProfileFields = CustomerField.BasicContact | CustomerField.Interactions | ValueFields;

    /// <summary>The parts the value section (tier, figures, needs) reveals: shown only to those allowed all of them.</summary>
    public const CustomerField ValueFields = CustomerField.Tier | CustomerField.Revenue | CustomerField.Products;

    /// <summary>
    /// The customer's profile, showing only the parts <paramref name="grant"/> allows, and saying so when parts are held
    /// back; the value section (<see cref="TierFiguresSection"/>) appears when <paramref name="tier"/> is given, and the
    /// open-cases section when <paramref name="openCases"/> has any (due times in <paramref name="zone"/>, UTC by default).
    /// </summary>
    public static Card Profile(Customer customer, AccessGrant grant, CustomerHistory history, bool mayLog, TierFigures? tier = null,
        IReadOnlyList<CaseLine>? openCases = null, TimeZoneInfo? zone = null)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(history);
        var facts = new List<CardFact>();
        if (customer.Company is { } company)
            facts.Add(new CardFact("Company", company));
        if (grant.Allows(CustomerField.Profile))
        {
            facts.Add(new CardFact("Country", customer.Country.Value));
            facts.Add(new CardFact("Language", customer.PreferredLanguage.Value));
        }
        if (grant.Allows(CustomerField.ContactDetails))
        {
            if (customer.FirstIdentity(IdentityKind.Email) is { } email)
                facts.Add(new CardFact("E-mail", email));
            if (customer.FirstIdentity(IdentityKind.Phone) is { } phone)
                facts.Add(new CardFact("Phone", phone));
        }
        if (grant.Allows(CustomerField.Interactions))
        {
            facts.Add(new CardFact("Interactions", history.InteractionCount.ToString(CultureInfo.InvariantCulture)));
            facts.Add(new CardFact("Last contact", history.LastContact is { } at ? at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "never"));
        }

        var body = new List<CardBlock> { new CardFacts(facts) };
        if (tier is not null && grant.Allows(ValueFields))
            body.AddRange(TierFiguresSection.Blocks(tier));
        if (openCases is { Count: > 0 } && grant.Allows(CustomerField.Cases))
            body.AddRange(CaseCards.ProfileSection(openCases, zone ?? TimeZoneInfo.Utc));
        if (!grant.Allows(CustomerField.All))
            body.Add(new CardText($"Some of this record is not shown to you: {grant.Reason}.", TextEmphasis.Subtle));

        var id = customer.Id.Value.ToString();
        var buttons = new List<CardButton>();
        if (grant.Allows(CustomerField.Interactions))
            buttons.Add(CardButton.For("Last conversation", "last", ("customerId", id)));
        if (grant.Allows(CustomerField.Offers))
            buttons.Add(CardButton.For("Offers", "offers", ("customerId", id)));
        if (mayLog)
            buttons.Add(CardButton.For("Log an interaction", "log", ("customerId", id)));
        if (grant.Allows(CustomerField.Consents))
            buttons.Add(CardButton.For("Privacy preferences", "privacy", ("customerId", id)));
        return new Card(customer.DisplayName, body, buttons);
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
