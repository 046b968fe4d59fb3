using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;

namespace ChatCrm.Bot.Features.Privacy;

/// <summary>
/// A customer's privacy preferences, for the profile card's privacy section: per purpose, each channel with
/// whether we may contact them and why, all in the reader's language — the same decisions the offers get — and
/// "Record a change" for what the customer says now.
/// </summary>
public static class ConsentCards
{
    public static Card Summary(Customer customer, ConsentSummary summary, LanguageCode language)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(summary);
        var spanish = language == LanguageCode.Spanish;
        var rulesOf = summary.Policy.IsListed
            ? new LocalizedText($"Consent rules for {summary.Policy.Country}.", $"Reglas de consentimiento de {summary.Policy.Country}.")
            : new LocalizedText($"{summary.Policy.Country} is not in the consent policy table: the strictest rules apply.",
                $"{summary.Policy.Country} no figura en la tabla de políticas de consentimiento: se aplican las reglas más estrictas.");
        var body = new List<CardBlock> { new CardText(rulesOf.In(language), TextEmphasis.Subtle) };
        foreach (var purpose in Enum.GetValues<ConsentPurpose>())
        {
            body.Add(new CardSection(Capitalized(ConsentWording.Purpose(purpose).In(language))));
            body.Add(new CardFacts(summary.For(purpose)
                .Select(s => new CardFact(ConsentWording.Name(s.Channel).In(language), $"{Verdict(s.Decision.Allowed, spanish)} — {s.Decision.Reason.In(language)}"))
                .ToList()));
        }
        return new Card(spanish ? $"Privacidad de {customer.DisplayName}" : $"Privacy preferences of {customer.DisplayName}", body,
            [ConsentChangeCards.OpenButton(customer, language)])
        { Subtitle = customer.Company };
    }

    private static string Verdict(bool allowed, bool spanish) => allowed ? (spanish ? "✅ sí" : "✅ yes") : "⛔ no";

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
