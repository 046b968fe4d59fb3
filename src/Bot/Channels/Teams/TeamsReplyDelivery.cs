using System.Text.Json;
using ChatCrm.Bot.Channels.Teams.Protocol;
using ChatCrm.Bot.Outbox;

namespace ChatCrm.Bot.Channels.Teams;

/// <summary>Where a Teams reply written into the outbox goes: the connector, the conversation, and the activity it answers (if any).</summary>
public sealed record TeamsReplyAddress(Uri ServiceUrl, string ConversationId, string? ReplyToId)
{
    public string ToJson() => JsonSerializer.Serialize(this, BotFrameworkJson.Options);

    public static TeamsReplyAddress FromJson(string json) =>
        JsonSerializer.Deserialize<TeamsReplyAddress>(json, BotFrameworkJson.Options) ?? throw new JsonException("An empty Teams reply address.");
}

/// <summary>
/// Sends a Teams reply written into the outbox: the activity as rendered at the turn, as a reply to the incoming
/// activity (or into the conversation). A refusal the connector will repeat (a 4xx but 408, 412 and 429: the conversation
/// is gone, the bot was removed, the activity is invalid) and a 500 (after which the post may have been made) are
/// reported as <see cref="ReplyRefusedException"/>; the rest is tried again by the outbox. The connector has no
/// idempotency key for a posted activity, so a crash right after a send can repeat that one reply (ADR 0011).
/// </summary>
public sealed class TeamsReplyDelivery(BotConnectorClient connector) : IReplyDelivery
{
    public const string ChannelName = "teams";

    private static readonly HashSet<int> Passing = [0, 408, 412, 429, 502, 503, 504];

    public string Channel => ChannelName;

    public async Task DeliverAsync(string address, string body, CancellationToken cancellationToken)
    {
        var to = TeamsReplyAddress.FromJson(address);
        var activity = JsonSerializer.Deserialize<Activity>(body, BotFrameworkJson.Options) ?? throw new ReplyRefusedException("unreadable_activity");
        try
        {
            if (to.ReplyToId is { } activityId)
                await connector.ReplyToActivityAsync(to.ServiceUrl, to.ConversationId, activityId, activity, cancellationToken);
            else
                await connector.SendToConversationAsync(to.ServiceUrl, to.ConversationId, activity, cancellationToken);
        }
        catch (BotConnectorException refused) when (!Passing.Contains(refused.StatusCode))
        {
            throw new ReplyRefusedException($"teams connector: http_{refused.StatusCode} {refused.ErrorCode}".TrimEnd(), refused);
        }
    }

    /// <summary>The envelope of an activity <paramref name="reply"/> to <paramref name="incoming"/>.</summary>
    public static ReplyEnvelope Envelope(Uri serviceUrl, Activity incoming, Activity reply)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var address = new TeamsReplyAddress(serviceUrl, incoming.Conversation!.Id!, incoming.Id);
        return new ReplyEnvelope(ChannelName, address.ToJson(), JsonSerializer.Serialize(reply, BotFrameworkJson.Options));
    }
}
