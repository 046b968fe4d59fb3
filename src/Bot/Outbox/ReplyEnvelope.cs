using ChatCrm.Bot.Conversations;

namespace ChatCrm.Bot.Outbox;

/// <summary>
/// A reply as its channel adapter writes it into the outbox: the channel whose <see cref="IReplyDelivery"/> sends it,
/// where to (the adapter's own serialized address) and what (the rendered wire body). Only that adapter reads either.
/// </summary>
public sealed record ReplyEnvelope(string Channel, string Address, string Body);

/// <summary>
/// A responder whose replies can be written down before they are sent: the conversation engine then stores them with
/// the turn's changes, in one transaction, and delivers them after the commit (ADR 0011). A responder that is not one
/// sends its replies directly after the commit, as before.
/// </summary>
public interface IOutboxResponder : ITurnResponder
{
    /// <summary>
    /// The message as the outbox keeps it; null when this channel cannot write it down (Teams' private answers in a group,
    /// which depend on what the sender's personal chat answers at the time): the turn's replies are then sent directly.
    /// </summary>
    ValueTask<ReplyEnvelope?> EnvelopeAsync(OutgoingMessage message, CancellationToken cancellationToken);
}
