using System.Text.Json.Nodes;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Channels.Teams.Protocol;
using ChatCrm.Bot.Conversations;

namespace ChatCrm.Bot.Channels.Teams;

/// <summary>
/// Sends a turn's replies back to Teams as replies to the incoming activity, cards as Adaptive Card attachments.
/// A card that can be refreshed per reader (<see cref="Card.Refresh"/>), shown in a group chat or a channel, lists the
/// conversation's members (read once per turn from the connector) so that each one's client asks for their own view;
/// in a personal chat the one reader already has theirs.
/// </summary>
public sealed class TeamsResponder(BotConnectorClient connector, Activity incoming, Uri serviceUrl) : ITurnResponder
{
    private IReadOnlyList<string>? _members;

    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var reply = NewActivity(ActivityTypes.Message);
        if (message.Card is { } card)
        {
            // The notification line; the card carries its own full plain-text fallback.
            reply.Summary = card.Title;
            reply.Attachments!.Add(new Attachment { ContentType = AdaptiveCardRenderer.ContentType, Content = await RenderAsync(card, cancellationToken) });
        }
        else
        {
            reply.Text = message.Text;
            reply.TextFormat = "plain";
        }
        await (incoming.Id is { } activityId
            ? connector.ReplyToActivityAsync(serviceUrl, incoming.Conversation!.Id!, activityId, reply, cancellationToken)
            : connector.SendToConversationAsync(serviceUrl, incoming.Conversation!.Id!, reply, cancellationToken));
    }

    /// <summary>The card as Adaptive Card JSON, with the members' refresh list when it is shared with several people.</summary>
    public async Task<JsonObject> RenderAsync(Card card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.Refresh is null || !IsShared)
            return AdaptiveCardRenderer.Render(card);
        _members ??= (await connector.GetMemberIdsAsync(serviceUrl, incoming.Conversation!.Id!, cancellationToken))
            .Take(AdaptiveCardRenderer.MaxRefreshUserIds).ToList();
        return AdaptiveCardRenderer.Render(card, _members);
    }

    /// <summary>A group chat or a channel: anything but a personal (1:1) chat.</summary>
    private bool IsShared => incoming.Conversation?.ConversationType is { } type && !string.Equals(type, "personal", StringComparison.OrdinalIgnoreCase);

    public Task SendTypingAsync(CancellationToken cancellationToken) =>
        connector.SendToConversationAsync(serviceUrl, incoming.Conversation!.Id!, NewActivity(ActivityTypes.Typing), cancellationToken);

    private Activity NewActivity(string type) => new()
    {
        Type = type,
        From = incoming.Recipient,
        Recipient = incoming.From,
        Conversation = incoming.Conversation,
        ReplyToId = type == ActivityTypes.Message ? incoming.Id : null,
        Locale = incoming.Locale,
        Attachments = type == ActivityTypes.Message ? [] : null,
    };
}
