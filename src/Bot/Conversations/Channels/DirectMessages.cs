using ChatCrm.Bot.Outbox;
using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Conversations.Channels;

/// <summary>
/// Writes to a person unasked on the chat tool named, through that channel's <see cref="IDirectMessenger"/> and the
/// outbox. A push stages the message with <see cref="StageAsync"/> in the save that records what it did (an inbox
/// handler auditing and completing its item, a digest claiming its period), so it commits with the record of it or not
/// at all, and calls <see cref="DeliverStagedAsync"/> once the save committed; what cannot go then is sent by the outbox
/// worker (ADR 0011).
/// </summary>
public sealed class DirectMessages(IEnumerable<IDirectMessenger> messengers, ReplyOutbox outbox)
{
    private readonly List<StagedReplies> _staged = [];

    /// <summary>
    /// Adds the message to the outbox in this scope's unsaved changes; nothing is sent before <see cref="DeliverStagedAsync"/>.
    /// Throws <see cref="DirectMessageNotDeliveredException"/> when the person has no reachable chat there.
    /// </summary>
    public async Task StageAsync(User recipient, ChatChannel channel, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var written = await Messenger(channel).EnvelopeAsync(recipient, message, cancellationToken);
        _staged.Add(outbox.Stage(written.OrderingKey, [written.Envelope]));
    }

    /// <summary>
    /// Sends what this scope staged, now that the save holding it committed (call it only then). Never throws but for
    /// cancellation: whatever fails is retried by the outbox worker.
    /// </summary>
    public async Task DeliverStagedAsync(CancellationToken cancellationToken)
    {
        var staged = _staged.ToList();
        _staged.Clear();
        foreach (var messages in staged)
            await outbox.DeliverAsync(messages, cancellationToken);
    }

    private IDirectMessenger Messenger(ChatChannel channel) =>
        messengers.FirstOrDefault(m => m.Channel == channel) ?? throw new DirectMessageNotDeliveredException($"No{channel}Channel");
}
