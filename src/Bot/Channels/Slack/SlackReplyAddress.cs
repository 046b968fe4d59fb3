using System.Text.Json;
using System.Text.Json.Serialization;
using ChatCrm.Bot.Channels.Slack.Inbox;
using ChatCrm.Bot.Channels.Slack.Install;

namespace ChatCrm.Bot.Channels.Slack;

/// <summary>How a Slack reply goes out: through the request's <c>response_url</c>, as an ephemeral message, or as a message.</summary>
public enum SlackReplyRoute
{
    ResponseUrl = 1,
    Ephemeral = 2,
    Message = 3,
}

/// <summary>
/// Where one Slack reply goes, decided when the turn writes it (the outbox stores it as JSON): a request's
/// <c>response_url</c> when it has one (answers only the user sees), <c>chat.postEphemeral</c> for a message only the
/// sender may see in a channel, otherwise <c>chat.postMessage</c> into the conversation (or the person's direct message).
/// </summary>
public sealed record SlackReplyAddress(SlackReplyRoute Route, string TeamId, string? EnterpriseId, string Channel, string UserId, Uri? ResponseUrl)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    [JsonIgnore]
    public SlackWorkspace Workspace => new(TeamId, EnterpriseId);

    public static SlackReplyAddress For(SlackInboxItem work, bool onlyForSender)
    {
        ArgumentNullException.ThrowIfNull(work);
        var route = work.ResponseUrl is not null ? SlackReplyRoute.ResponseUrl
            : onlyForSender && work.ChannelId is not null ? SlackReplyRoute.Ephemeral
            : SlackReplyRoute.Message;
        return new SlackReplyAddress(route, work.TeamId, work.EnterpriseId, work.ChannelId ?? work.UserId, work.UserId, work.ResponseUrl);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static SlackReplyAddress FromJson(string json) =>
        JsonSerializer.Deserialize<SlackReplyAddress>(json, Json) ?? throw new JsonException("An empty Slack reply address.");
}
