using System.Globalization;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;

namespace ChatCrm.Bot.Cards;

/// <summary>Cards about interactions: the confirmation of a logged one (the last conversation is <see cref="LastConversationCards"/>).</summary>
public static class InteractionCards
{
    public static Card Logged(Customer customer, Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(interaction);
        var facts = new List<CardFact>
        {
            new("Customer", customer.DisplayName),
            new("Kind", interaction.Kind.ToString()),
            new("Channel", interaction.Channel.ToString()),
            new("Summary", interaction.Summary),
            new("Outcome", interaction.Outcome ?? "not recorded"),
            new("Follow-up", interaction.FollowUpOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none"),
        };
        return new Card("Interaction logged", [new CardFacts(facts)],
            [CardButton.For("Last conversation", "last", ("customerId", customer.Id.Value.ToString()))]);
    }
}
