using ChatCrm.Bot.Channels.Teams.Protocol;
using ChatCrm.Bot.Conversations;

namespace ChatCrm.Bot.Channels.Teams;

/// <summary>Sends a turn's replies back to Teams as replies to the incoming activity, cards as Adaptive Card attachments.</summary>
public sealed class TeamsResponder(BotConnectorClient connector, Activity incoming, Uri serviceUrl) : ITurnResponder
{
    public Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var reply = NewActivity(ActivityTypes.Message);
        if (message.Card is { } card)
        {
            // The notification line; the card carries its own full plain-text fallback.
            reply.Summary = card.Title;
            reply.Attachments!.Add(new Attachment { ContentType = AdaptiveCardRenderer.ContentType, Content = AdaptiveCardRenderer.Render(card) });
        }
        else
        {
            reply.Text = message.Text;
            reply.TextFormat = "plain";
        }
        return incoming.Id is { } activityId
            ? connector.ReplyToActivityAsync(serviceUrl, incoming.Conversation!.Id!, activityId, reply, cancellationToken)
            : connector.SendToConversationAsync(serviceUrl, incoming.Conversation!.Id!, reply, cancellationToken);
    }

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
