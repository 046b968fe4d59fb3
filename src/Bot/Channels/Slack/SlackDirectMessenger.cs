using ChatCrm.Bot.Channels.Slack.Install;
using ChatCrm.Bot.Channels.Slack.WebApi;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Channels;
using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Channels.Slack;

/// <summary>
/// Writes to a Slack user unasked: the direct message with the bot (<c>conversations.open</c>, then
/// <c>chat.postMessage</c>) with their workspace's token; the Web API client retries 429 with Slack's <c>Retry-After</c>.
/// </summary>
public sealed class SlackDirectMessenger(SlackWebApiClient slack) : IDirectMessenger
{
    public ChatChannel Channel => ChatChannel.Slack;

    public async Task SendAsync(User recipient, OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var key = recipient.SlackUserKey ?? throw new DirectMessageNotDeliveredException("NoSlackIdentity");
        var workspace = new SlackWorkspace(key.TeamId);
        var channel = await slack.OpenDirectMessageAsync(workspace, key.UserId, cancellationToken);
        await slack.PostMessageAsync(workspace, channel, SlackResponder.Render(message), cancellationToken);
    }
}
