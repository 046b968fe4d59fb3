using System.Text.Json.Nodes;
using ChatCrm.Bot.Channels.Slack.BlockKit;
using ChatCrm.Bot.Channels.Slack.Inbox;
using ChatCrm.Bot.Channels.Slack.WebApi;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Outbox;

namespace ChatCrm.Bot.Channels.Slack;

/// <summary>
/// Sends a turn's replies to Slack: through the request's <c>response_url</c> when it has one (slash commands and
/// button presses: answers only the user sees), otherwise with <c>chat.postMessage</c> into the conversation the
/// person wrote in (<c>chat.postEphemeral</c> for a message only the sender may see). Cards become Block Kit; the plain-text rendering is the notification text.
/// A turn's replies are written into the outbox as <see cref="Envelope"/>s and sent by <see cref="SlackReplyDelivery"/>.
/// </summary>
public sealed class SlackResponder(SlackWebApiClient client, SlackInboxItem work) : IOutboxResponder
{
    public Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return SlackReplyDelivery.SendAsync(client, SlackReplyAddress.For(work, message.OnlyForSender), Render(message), cancellationToken);
    }

    /// <summary>The reply as the outbox keeps it: where it goes (<see cref="SlackReplyAddress"/>) and the Block Kit message.</summary>
    public ValueTask<ReplyEnvelope?> EnvelopeAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return ValueTask.FromResult<ReplyEnvelope?>(
            new ReplyEnvelope(SlackInboxItem.InboxChannel, SlackReplyAddress.For(work, message.OnlyForSender).ToJson(), Render(message).ToJsonString()));
    }

    /// <summary>Slack has no typing indicator for bots outside its real-time API: the reply simply arrives.</summary>
    public Task SendTypingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static JsonObject Render(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = new JsonObject { ["text"] = BlockKitRenderer.NotificationText(message.Card?.Title ?? message.Text) };
        if (message.Card is { } card)
        {
            payload["blocks"] = BlockKitRenderer.Render(card);
        }
        else if (message.Text.Length > BlockKitLimits.MessageText)
        {
            // A long plain answer still reaches the user whole-ish: as a section, visibly cut.
            payload["blocks"] = new JsonArray(new JsonObject
            {
                ["type"] = "section",
                ["text"] = BlockKitText.Markdown(message.Text, BlockKitLimits.SectionText),
            });
        }
        return payload;
    }
}
