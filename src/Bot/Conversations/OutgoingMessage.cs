using ChatCrm.Bot.Cards;

namespace ChatCrm.Bot.Conversations;

/// <summary>What the conversation says back: plain text, or a card (whose plain-text fallback is derived from it).</summary>
public sealed record OutgoingMessage(string Text, Card? Card = null)
{
    /// <summary>Meant for the person who spoke only: Slack shows it to them alone (ephemeral); Teams replies as usual.</summary>
    public bool OnlyForSender { get; init; }

    public static OutgoingMessage Say(string text) => new(text);

    public static OutgoingMessage Show(Card card) => new(PlainTextRenderer.Render(card), card);
}

/// <summary>Where a turn's replies go. Each channel adapter implements it for its own wire protocol.</summary>
public interface ITurnResponder
{
    Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken);

    /// <summary>Shows that the bot is working ("…is typing").</summary>
    Task SendTypingAsync(CancellationToken cancellationToken);
}

/// <summary>A reply that could not be delivered by the channel. What the turn stored stays stored.</summary>
public class ReplyDeliveryException : Exception
{
    public ReplyDeliveryException()
    {
    }

    public ReplyDeliveryException(string message) : base(message)
    {
    }

    public ReplyDeliveryException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
