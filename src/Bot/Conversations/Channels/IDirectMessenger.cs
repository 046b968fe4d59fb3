using ChatCrm.Bot.Outbox;
using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Conversations.Channels;

/// <summary>
/// One chat tool's way of writing to a person unasked — a digest, an event about their customer — in their personal
/// chat with the bot. Each channel adapter implements it; features reach it through <see cref="DirectMessages"/>.
/// </summary>
public interface IDirectMessenger
{
    ChatChannel Channel { get; }

    /// <summary>
    /// Writes <paramref name="message"/> down for the outbox without sending it: the person's chat is found (or opened)
    /// now and the message rendered for it. Throws <see cref="DirectMessageNotDeliveredException"/> when the person has no
    /// reachable chat here; a channel that cannot be asked now throws its own error.
    /// </summary>
    Task<DirectEnvelope> EnvelopeAsync(User recipient, OutgoingMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// A direct message as the outbox keeps it: the recipient's chat (the ordering key, the same as that chat's turns use,
/// so pushed cards and replies there go out in the order written) and the channel's envelope.
/// </summary>
public sealed record DirectEnvelope(string OrderingKey, ReplyEnvelope Envelope);

/// <summary>A message that could not be delivered, with a short reason for the delivery record (never personal data).</summary>
public sealed class DirectMessageNotDeliveredException : Exception
{
    public DirectMessageNotDeliveredException()
    {
    }

    public DirectMessageNotDeliveredException(string reason) : base(reason)
    {
    }

    public DirectMessageNotDeliveredException(string reason, Exception? innerException) : base(reason, innerException)
    {
    }
}
