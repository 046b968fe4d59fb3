using ChatCrm.Bot.Channels.Slack.Install;
using ChatCrm.Bot.Channels.Slack.WebApi;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Channels;
using ChatCrm.Bot.Outbox;
using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Channels.Slack;

/// <summary>
/// Writes to a Slack user unasked: the direct message with the bot (<c>conversations.open</c>, then
/// <c>chat.postMessage</c>) with their workspace's token; the Web API client retries 429 with Slack's <c>Retry-After</c>.
/// Written down for the outbox (<see cref="EnvelopeAsync"/>), the direct message is opened first (opening sends nothing),
/// so the stored message names its channel and <see cref="SlackReplyDelivery"/> posts it there.
/// </summary>
public sealed class SlackDirectMessenger(SlackWebApiClient slack) : IDirectMessenger
{
    public ChatChannel Channel => ChatChannel.Slack;

    public async Task SendAsync(User recipient, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var to = await AddressAsync(recipient, cancellationToken);
        await slack.PostMessageAsync(to.Workspace, to.Channel, SlackResponder.Render(message), cancellationToken);
    }

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
