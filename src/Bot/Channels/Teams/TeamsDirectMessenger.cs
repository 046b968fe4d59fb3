using System.Text.Json;
using ChatCrm.Bot.Channels.Teams.Protocol;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Channels;
using ChatCrm.Bot.Outbox;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;

namespace ChatCrm.Bot.Channels.Teams;

/// <summary>
/// Writes to a Teams user unasked: through their personal chat with the bot — its stored reference, or a chat created
/// for the purpose (<see cref="TeamsPersonalChat"/>) — and the Bot Connector, which retries 429 and transient failures.
/// Written down for the outbox (<see cref="EnvelopeAsync(User, OutgoingMessage, CancellationToken)"/>), the chat is found
/// or created first, so the stored message names the conversation it goes to and <see cref="TeamsReplyDelivery"/> posts it there.
/// </summary>
public sealed class TeamsDirectMessenger(TeamsPersonalChat personalChats, BotConnectorClient connector) : IDirectMessenger
{
    public ChatChannel Channel => ChatChannel.Teams;

    /// <summary>
    /// Writes to the Teams user with this Entra object id in their personal chat with the bot, at once: the private part
    /// of a reply asked for in a group chat, sent while its turn is answered.
    /// </summary>
    public async Task SendAsync(string aad, OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var reference = await ChatOfAsync(aad, cancellationToken);
        await connector.SendToConversationAsync(new Uri(reference.ServiceUrl), reference.ConversationId, Activity(reference, message), cancellationToken);
    }

    public async Task<DirectEnvelope> EnvelopeAsync(User recipient, OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(message);
        var reference = await ChatOfAsync(recipient.TeamsAadObjectId ?? throw new DirectMessageNotDeliveredException("NoTeamsIdentity"), cancellationToken);
        var address = new TeamsReplyAddress(new Uri(reference.ServiceUrl), reference.ConversationId, ReplyToId: null);
        var body = JsonSerializer.Serialize(Activity(reference, message), BotFrameworkJson.Options);
        return new DirectEnvelope(TeamsConversationAddress.Key(reference.ConversationId),
            new ReplyEnvelope(TeamsReplyDelivery.ChannelName, address.ToJson(), body));
    }

    private async Task<ConversationAddress> ChatOfAsync(string aad, CancellationToken cancellationToken) =>
        await personalChats.FindOrCreateAsync(aad, cancellationToken) ?? throw new DirectMessageNotDeliveredException("NoTeamsConversation");

    private static Activity Activity(ConversationAddress reference, OutgoingMessage message) => new()
    {
        Type = ActivityTypes.Message,
        From = new ChannelAccount { Id = reference.BotId },
        Recipient = new ChannelAccount { Id = reference.UserId, AadObjectId = reference.AadObjectId },
        Conversation = new ConversationAccount { Id = reference.ConversationId, ConversationType = reference.ConversationType, TenantId = reference.TenantId },
        Text = message.Card is null ? message.Text : null,
        Summary = message.Card?.Title,
        Attachments = message.Card is { } card
            ? [new Attachment { ContentType = AdaptiveCardRenderer.ContentType, Content = AdaptiveCardRenderer.Render(card) }]
            : null,
    };
}
