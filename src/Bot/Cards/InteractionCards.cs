using System.Globalization;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;

namespace ChatCrm.Bot.Cards;

/// <summary>Cards about interactions: the last conversation with a customer and the confirmation of a logged one.</summary>
public static class InteractionCards
{
    public static Card LastConversation(Customer customer, Interaction? last, string? loggedByName, int total)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var id = customer.Id.Value.ToString();
        var buttons = new[]
        {
            CardButton.For("Log an interaction", "log", ("customerId", id)),
            CardButton.For("Offers", "offers", ("customerId", id)),
        };
        if (last is null)
        {
            return new Card($"Last conversation with {customer.DisplayName}",
                [new CardText("No interaction has been logged with this customer yet.")], buttons)
            { Subtitle = customer.Company };
        }

        var facts = new List<CardFact>
        {
            new("When", last.OccurredAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)),
            new("Channel", last.Channel.ToString()),
            new("Kind", last.Kind.ToString()),
            new("Who", loggedByName ?? "unknown"),
            new("Outcome", last.Outcome ?? "not recorded"),
            new("Follow-up", last.FollowUpOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none"),
            new("Interactions in total", total.ToString(CultureInfo.InvariantCulture)),
        };
        return new Card($"Last conversation with {customer.DisplayName}",
            [new CardText(last.Summary), new CardFacts(facts)], buttons)
        { Subtitle = customer.Company };
    }

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
