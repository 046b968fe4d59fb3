using ChatCrm.Bot.Cards;

namespace ChatCrm.Bot.Conversations;

/// <summary>What the conversation says back: plain text, or a card (whose plain-text fallback is derived from it).</summary>
public sealed record OutgoingMessage(string Text, Card? Card = null)
{
    /// <summary>
    /// Meant for the person who spoke only. In their own chat with the bot this changes nothing; in a shared conversation
    /// Slack shows it to them alone (ephemeral) and Teams sends it to their personal chat with the bot, or, for a card
    /// with a <see cref="Card.GroupView"/>, posts that view for each reader to refresh into their own.
    /// </summary>
    public bool OnlyForSender { get; init; }

    /// <summary>
    /// Shows nothing about a customer (help, a notice, an administrator's answer): everyone in a shared conversation may
    /// see it. Everything else is sent to the sender alone there (<see cref="SharedConversationReplies"/>).
    /// </summary>
    public bool GroupSafe { get; init; }

    /// <summary>
    /// What to tell the group when this message goes to the sender's personal chat instead (set with
    /// <see cref="OnlyForSender"/> in a shared conversation); a channel whose private answer shows in place need not.
    /// </summary>
    public PrivateReplyNotice? Notice { get; init; }

    public static OutgoingMessage Say(string text) => new(text);

    public static OutgoingMessage Show(Card card) => new(PlainTextRenderer.Render(card), card);
}

/// <summary>
/// The line a shared conversation gets when an answer went to the sender's personal chat, in the sender's language:
/// <paramref name="Sent"/> when it arrived, <paramref name="NotSent"/> when no personal chat could be reached.
/// </summary>
public sealed record PrivateReplyNotice(string Sent, string NotSent);

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
