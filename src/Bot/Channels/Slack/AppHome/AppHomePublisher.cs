using System.Text.Json.Nodes;
using ChatCrm.Bot.Channels.Slack.BlockKit;
using ChatCrm.Bot.Channels.Slack.Inbox;
using ChatCrm.Bot.Channels.Slack.WebApi;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.Directory;

namespace ChatCrm.Bot.Channels.Slack.AppHome;

/// <summary>
/// Publishes the App Home tab whenever the user opens it: finds (or links) the person as a turn would, asks
/// <see cref="IHomePage"/> for their page (a channel-neutral card a feature composes), renders it as Block Kit for the
/// Home surface and calls <c>views.publish</c> with the workspace's token. Its "Search customers" button
/// (<see cref="IHomePage.SearchVerb"/>) opens the search modal.
/// </summary>
public sealed class AppHomePublisher(ChatUserDirectory directory, IHomePage page, SlackWebApiClient client)
{
    public async Task PublishAsync(SlackInboxItem work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var key = work.UserKey.ToString();
        // The directory links a Slack account seen for the first time (users.info e-mail), as a turn would.
        var turn = new IncomingTurn(ChatChannel.Slack, key, new ChatUser(key, null, work.UserName) { Organization = work.EnterpriseId },
            Text: null, Action: null, Locale: null);
        var user = await directory.FindAsync(turn, cancellationToken);
        var card = await page.ForAsync(user, ChatChannel.Slack, cancellationToken);
        var view = new JsonObject { ["type"] = "home", ["blocks"] = BlockKitRenderer.Render(card, BlockSurface.Home) };
        await client.PublishHomeAsync(work.Workspace, work.UserId, view, cancellationToken);
    }
}
