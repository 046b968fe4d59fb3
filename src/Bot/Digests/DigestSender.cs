using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Channels.Slack;
using ChatCrm.Bot.Channels.Slack.Install;
using ChatCrm.Bot.Channels.Slack.WebApi;
using ChatCrm.Bot.Channels.Teams;
using ChatCrm.Bot.Channels.Teams.Protocol;
using ChatCrm.Bot.Conversations;
using ChatCrm.Domain.Digests;
using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Digests;

/// <summary>A digest that could not be delivered, with a short reason for the delivery record (no personal data).</summary>
public sealed class DigestNotDeliveredException(string reason, Exception? inner = null) : Exception(reason, inner);

/// <summary>
/// Delivers a card to a manager unasked. Teams: through the manager's personal chat with the bot — its stored
/// reference, or a chat created for the purpose (<see cref="TeamsPersonalChat"/>) — and the Bot Connector. Slack: into
/// the direct message with the bot (<c>conversations.open</c>, then <c>chat.postMessage</c>) with the workspace's token.
/// Both clients already retry 429 and transient failures with the platform's <c>Retry-After</c>.
/// </summary>
public sealed class DigestSender(TeamsPersonalChat personalChats, BotConnectorClient connector, SlackWebApiClient slack, SlackWorkspace workspace)
{
    public Task SendAsync(User manager, DigestChannel channel, Card card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return channel == DigestChannel.Slack
            ? SendToSlackAsync(manager, card, cancellationToken)
            : SendToTeamsAsync(manager, card, cancellationToken);
    }

    private async Task SendToTeamsAsync(User manager, Card card, CancellationToken cancellationToken)
    {
        var aad = manager.TeamsAadObjectId ?? throw new DigestNotDeliveredException("NoTeamsIdentity");
        var reference = await personalChats.FindOrCreateAsync(aad, cancellationToken)
            ?? throw new DigestNotDeliveredException("NoTeamsConversation");
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            From = new ChannelAccount { Id = reference.BotId },
            Recipient = new ChannelAccount { Id = reference.UserId, AadObjectId = reference.AadObjectId },
            Conversation = new ConversationAccount { Id = reference.ConversationId, ConversationType = reference.ConversationType, TenantId = reference.TenantId },
            Summary = card.Title,
            Attachments = [new Attachment { ContentType = AdaptiveCardRenderer.ContentType, Content = AdaptiveCardRenderer.Render(card) }],
        };
        await connector.SendToConversationAsync(new Uri(reference.ServiceUrl), reference.ConversationId, activity, cancellationToken);
    }

    private async Task SendToSlackAsync(User manager, Card card, CancellationToken cancellationToken)
    {
        var key = manager.SlackUserKey ?? throw new DigestNotDeliveredException("NoSlackIdentity");
        var separator = key.IndexOf(':', StringComparison.Ordinal);
        workspace.TeamId = key[..separator];
        var channel = await slack.OpenDirectMessageAsync(key[(separator + 1)..], cancellationToken);
        await slack.PostMessageAsync(channel, SlackResponder.Render(OutgoingMessage.Show(card)), cancellationToken);
    }
}
