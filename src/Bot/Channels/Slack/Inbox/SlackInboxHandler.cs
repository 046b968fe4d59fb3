using ChatCrm.Bot.Inbox;
using ChatCrm.Bot.Channels.Slack.AppHome;
using ChatCrm.Bot.Channels.Slack.Install;
using ChatCrm.Bot.Channels.Slack.WebApi;
using ChatCrm.Bot.Conversations;
using ChatCrm.Infrastructure.Persistence;

namespace ChatCrm.Bot.Channels.Slack.Inbox;

/// <summary>
/// Does the Slack work the endpoints accepted: a turn goes through the channel-neutral <see cref="ConversationEngine"/>
/// with a <see cref="SlackResponder"/> (a submitted modal is answered in the user's direct message with the bot); an
/// App Home opening publishes the user's Home tab; an uninstall forgets the workspace's token. Every Web API call is
/// made for the work's own workspace (<see cref="SlackInboxItem.Workspace"/>), so it uses that workspace's bot token.
/// </summary>
public sealed class SlackInboxHandler(
    ConversationEngine engine, AppHomePublisher home, SlackWebApiClient client, SlackBotTokens tokens, CrmDbContext db) : IInboxHandler
{
    public string Channel => SlackInboxItem.InboxChannel;

    public async Task HandleAsync(ClaimedInboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var slack = SlackInboxItem.FromJson(item.Payload);
        // Whatever the work saves (the turn, a token forgotten) completes the item in the same transaction.
        await item.CompleteWithTurnAsync(db, cancellationToken);
        switch (slack.Kind)
        {
            case SlackInboxItemKind.Home:
                await home.PublishAsync(slack, cancellationToken);
                break;
            case SlackInboxItemKind.Uninstall:
                await tokens.RetireAsync(slack.TeamId, slack.Text ?? "app_uninstalled", cancellationToken, slack.EnterpriseId);
                break;
            case SlackInboxItemKind.DirectTurn:
                var direct = slack with { ChannelId = await client.OpenDirectMessageAsync(slack.Workspace, slack.UserId, cancellationToken), ResponseUrl = null };
                await engine.HandleAsync(ToTurn(direct), new SlackResponder(client, direct), cancellationToken);
                break;
            default:
                await engine.HandleAsync(ToTurn(slack), new SlackResponder(client, slack), cancellationToken);
                break;
        }
    }

    /// <summary>
    /// A channel (public, private or Slack Connect: ids C… and G…) or a group DM (mpim) is shared; only a direct message
    /// with the bot (D…) is not. Work without a channel (a submitted modal) is answered in the direct message.
    /// </summary>
    public static bool IsShared(string? channelId) => channelId is { Length: > 0 } id && !id.StartsWith('D');

    /// <summary>The channel-neutral turn: users are "TEAM:USER" (Slack ids are unique per workspace only).</summary>
    public static IncomingTurn ToTurn(SlackInboxItem work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var user = new ChatUser(work.UserKey.ToString(), null, work.UserName) { Organization = work.EnterpriseId };
        var action = work.Verb is { } verb ? new CardAction(verb, work.Values ?? new Dictionary<string, string>()) : null;
        var conversation = $"{work.TeamId}:{work.ChannelId ?? work.UserId}";
        return new IncomingTurn(ChatChannel.Slack, conversation, user, action is null ? work.Text : null, action, Locale: null)
        {
            IsShared = IsShared(work.ChannelId),
        };
    }
}
