using System.Text.Json.Nodes;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Channels.Teams.Protocol;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Channels;
using ChatCrm.Bot.Outbox;

namespace ChatCrm.Bot.Channels.Teams;

/// <summary>
/// Sends a turn's replies back to Teams as replies to the incoming activity, cards as Adaptive Card attachments.
/// A card that can be refreshed per reader (<see cref="Card.Refresh"/>), shown in a group chat or a channel, lists the
/// conversation's members (read once per turn from the connector) so that each one's client asks for their own view;
/// in a personal chat the one reader already has theirs. In a group chat or a channel, a reply meant for the sender
/// alone (<see cref="OutgoingMessage.OnlyForSender"/>) never goes to the group: a typed command's card with a
/// <see cref="Card.GroupView"/> posts that identity-only view, refreshed first for the sender; anything else goes to the
/// sender's personal chat with the bot, and the group is told so once (or, when no personal chat can be reached, that
/// the sender should open one). The replies of a turn are written into the outbox with it (<see cref="EnvelopeAsync"/>)
/// and sent by <see cref="TeamsReplyDelivery"/>, except a turn with an answer for the sender alone in a group.
/// </summary>
public sealed class TeamsResponder(BotConnectorClient connector, Activity incoming, Uri serviceUrl, TeamsDirectMessenger? personalChats = null) : IOutboxResponder
{
    private IReadOnlyList<string>? _members;
    private bool _noticePosted;

    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.OnlyForSender && IsShared)
        {
            await SendToSenderAsync(message, cancellationToken);
            return;
        }
        if (message.Card is { } card)
        {
            await PostCardAsync(card, await RenderAsync(card, cancellationToken), cancellationToken);
            return;
        }
        await PostTextAsync(message.Text, cancellationToken);
    }

    /// <summary>
    /// The reply as the outbox keeps it: the activity, rendered now, and where it goes. An answer for the sender alone in
    /// a group is not written down (null): where it goes depends on the sender's personal chat at the time.
    /// </summary>
    public async ValueTask<ReplyEnvelope?> EnvelopeAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.OnlyForSender && IsShared)
            return null;
        var reply = message.Card is { } card ? CardActivity(card, await RenderAsync(card, cancellationToken)) : TextActivity(message.Text);
        return TeamsReplyDelivery.Envelope(serviceUrl, incoming, reply);
    }

    /// <summary>The card as Adaptive Card JSON, with the members' refresh list when it is shared with several people.</summary>
    public async Task<JsonObject> RenderAsync(Card card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.Refresh is null || !IsShared)
            return AdaptiveCardRenderer.Render(card);
        return AdaptiveCardRenderer.Render(card, await MembersAsync(cancellationToken));
    }

    public Task SendTypingAsync(CancellationToken cancellationToken) =>
        connector.SendToConversationAsync(serviceUrl, incoming.Conversation!.Id!, NewActivity(ActivityTypes.Typing), cancellationToken);

    /// <summary>A group chat or a channel: anything but a personal (1:1) chat.</summary>
    private bool IsShared => TeamsTurnMapper.IsShared(incoming);

    private async Task SendToSenderAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        // Typed (not a pressed Action.Submit, whose answer is the presser's alone): the group sees who the customer is and
        // each reader's client, the sender's first, swaps it for their own view.
        if (message.Card is { GroupView: { Refresh: not null } groupView } && incoming.Value is null)
        {
            var members = await MembersAsync(cancellationToken);
            var readers = new[] { incoming.From!.Id! }.Concat(members.Where(m => m != incoming.From!.Id)).ToList();
            await PostCardAsync(groupView, AdaptiveCardRenderer.Render(groupView, readers), cancellationToken);
            return;
        }
        var delivered = await SendToPersonalChatAsync(message, cancellationToken);
        if (message.Notice is { } notice && (!_noticePosted || !delivered))
        {
            _noticePosted = true;
            await PostTextAsync(delivered ? notice.Sent : notice.NotSent, cancellationToken);
        }
    }

    private async Task<bool> SendToPersonalChatAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (personalChats is null || incoming.From?.AadObjectId is not { Length: > 0 } aad)
            return false;
        try
        {
            await personalChats.SendAsync(aad, message, cancellationToken);
            return true;
        }
        catch (Exception failure) when (failure is DirectMessageNotDeliveredException or BotConnectorException)
        {
            // Logged by the connector client; the group is told to open a personal chat, and nothing is shown there.
            return false;
        }
    }

    private async Task<IReadOnlyList<string>> MembersAsync(CancellationToken cancellationToken) =>
        _members ??= (await connector.GetMemberIdsAsync(serviceUrl, incoming.Conversation!.Id!, cancellationToken))
            .Take(AdaptiveCardRenderer.MaxRefreshUserIds).ToList();

    private Task PostCardAsync(Card card, JsonObject content, CancellationToken cancellationToken) =>
        PostAsync(CardActivity(card, content), cancellationToken);

    private Task PostTextAsync(string text, CancellationToken cancellationToken) => PostAsync(TextActivity(text), cancellationToken);

    private Activity CardActivity(Card card, JsonObject content)
    {
        var reply = NewActivity(ActivityTypes.Message);
        // The notification line; the card carries its own full plain-text fallback.
        reply.Summary = card.Title;
        reply.Attachments!.Add(new Attachment { ContentType = AdaptiveCardRenderer.ContentType, Content = content });
        return reply;
    }

    private Activity TextActivity(string text)
    {
        var reply = NewActivity(ActivityTypes.Message);
        reply.Text = text;
        reply.TextFormat = "plain";
        return reply;
    }

    private Task PostAsync(Activity reply, CancellationToken cancellationToken) =>
        incoming.Id is { } activityId
            ? connector.ReplyToActivityAsync(serviceUrl, incoming.Conversation!.Id!, activityId, reply, cancellationToken)
            : connector.SendToConversationAsync(serviceUrl, incoming.Conversation!.Id!, reply, cancellationToken);

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
