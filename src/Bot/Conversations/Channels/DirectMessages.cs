using ChatCrm.Bot.Outbox;
using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Conversations.Channels;

/// <summary>
/// Writes to a person unasked on the chat tool named, through that channel's <see cref="IDirectMessenger"/>. A push that
/// records what it did in the same save (an inbox handler auditing and completing its item) stages the message with
/// <see cref="StageAsync"/> — it is written into the outbox in that save, so it commits with the record of it or not at
/// all — and calls <see cref="DeliverStagedAsync"/> once the save committed; what cannot go then is sent by the outbox
/// worker (ADR 0011). <see cref="SendAsync"/> sends at once, for a sender that keeps no record in the same save.
/// </summary>
public sealed class DirectMessages(IEnumerable<IDirectMessenger> messengers, ReplyOutbox outbox)
{
    private readonly List<StagedReplies> _staged = [];

    public Task SendAsync(User recipient, ChatChannel channel, OutgoingMessage message, CancellationToken cancellationToken) =>
        Messenger(channel).SendAsync(recipient, message, cancellationToken);

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
