using ChatCrm.Bot.Channels.Slack.Install;
using ChatCrm.Bot.Channels.Slack.WebApi;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Channels;
using ChatCrm.Bot.Outbox;
using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Channels.Slack;

/// <summary>
/// Writes to a Slack user unasked, in the direct message with the bot, through the outbox: the direct message is opened
/// first (<c>conversations.open</c> with their workspace's token; opening sends nothing), so the stored message names its
/// channel and <see cref="SlackReplyDelivery"/> posts it there (<c>chat.postMessage</c>, 429 retried with Slack's <c>Retry-After</c>).
/// </summary>
public sealed class SlackDirectMessenger(SlackWebApiClient slack) : IDirectMessenger
{
    public ChatChannel Channel => ChatChannel.Slack;

    public async Task<DirectEnvelope> EnvelopeAsync(User recipient, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var to = await AddressAsync(recipient, cancellationToken);
        var envelope = new ReplyEnvelope(Inbox.SlackInboxItem.InboxChannel, to.ToJson(), SlackResponder.Render(message).ToJsonString());
        // The key the person's turns in that direct message use, so replies and pushes there keep one order.
        var chat = new IncomingTurn(ChatChannel.Slack, $"{to.TeamId}:{to.Channel}", new ChatUser(string.Empty, null, null), null, null, null);
        return new DirectEnvelope(chat.ConversationKey, envelope);
    }

    private async Task<SlackReplyAddress> AddressAsync(User recipient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var key = recipient.SlackUserKey ?? throw new DirectMessageNotDeliveredException("NoSlackIdentity");
        var workspace = new SlackWorkspace(key.TeamId);
        var channel = await slack.OpenDirectMessageAsync(workspace, key.UserId, cancellationToken);
        return new SlackReplyAddress(SlackReplyRoute.Message, key.TeamId, EnterpriseId: null, channel, key.UserId, ResponseUrl: null);
    }
}
