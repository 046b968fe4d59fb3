using ChatCrm.Bot.Channels.Slack.AppHome;
using ChatCrm.Bot.Channels.Slack.Install;
using ChatCrm.Bot.Channels.Slack.WebApi;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Work;

namespace ChatCrm.Bot.Channels.Slack;

/// <summary>
/// Does the Slack work the endpoints accepted: a turn goes through the channel-neutral <see cref="ConversationEngine"/>
/// with a <see cref="SlackResponder"/>; an App Home opening publishes the user's Home tab; an uninstall forgets the
/// workspace's token. The work's workspace is set first, so every Web API call uses that workspace's bot token.
/// </summary>
public sealed class SlackWorkHandler(
    ConversationEngine engine, AppHomePublisher home, SlackWebApiClient client, SlackWorkspace workspace, SlackBotTokens tokens) : IInboxHandler
{
    public string Channel => SlackWork.InboxChannel;

    public Task HandleAsync(InboxWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var slack = SlackWork.FromJson(work.Payload);
        workspace.TeamId = slack.TeamId;
        return slack.Kind switch
        {
            SlackWorkKind.Home => home.PublishAsync(slack, cancellationToken),
            SlackWorkKind.Uninstall => tokens.RetireAsync(slack.TeamId, slack.Text ?? "app_uninstalled", cancellationToken),
            _ => engine.HandleAsync(ToTurn(slack), new SlackResponder(client, slack), cancellationToken),
        };
    }

    /// <summary>The channel-neutral turn: users are "TEAM:USER" (Slack ids are unique per workspace only).</summary>
    public static IncomingTurn ToTurn(SlackWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var user = new ChatUser($"{work.TeamId}:{work.UserId}", null, work.UserName);
        var action = work.Verb is { } verb ? new CardAction(verb, work.Values ?? new Dictionary<string, string>()) : null;
        var conversation = $"{work.TeamId}:{work.ChannelId ?? work.UserId}";
        return new IncomingTurn(ChatChannel.Slack, conversation, user, action is null ? work.Text : null, action, Locale: null);
    }
}
