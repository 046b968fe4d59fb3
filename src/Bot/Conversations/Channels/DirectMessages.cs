using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Conversations.Channels;

/// <summary>Writes to a person unasked on the chat tool named, through that channel's <see cref="IDirectMessenger"/>.</summary>
public sealed class DirectMessages(IEnumerable<IDirectMessenger> messengers)
{
    public Task SendAsync(User recipient, ChatChannel channel, OutgoingMessage message, CancellationToken cancellationToken) =>
        messengers.FirstOrDefault(m => m.Channel == channel) is { } messenger
            ? messenger.SendAsync(recipient, message, cancellationToken)
            : throw new DirectMessageNotDeliveredException($"No{channel}Channel");
}
