using System.Text.Json;
using System.Text.Json.Serialization;
using ChatCrm.Bot.Channels.Slack.Install;
using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Channels.Slack.Inbox;

/// <summary>What the worker does with an accepted Slack request.</summary>
public enum SlackInboxItemKind
{
    /// <summary>A conversation turn: a slash command, a mention, a direct message or a button press.</summary>
    Turn = 1,

    /// <summary>Publish the user's App Home tab.</summary>
    Home = 2,

    /// <summary>Forget the workspace's stored bot token (<c>app_uninstalled</c>, <c>tokens_revoked</c>); <see cref="SlackInboxItem.Text"/> names the event.</summary>
    Uninstall = 3,

    /// <summary>A turn without a conversation to answer in (a submitted modal): answered in a direct message.</summary>
    DirectTurn = 4,
}

/// <summary>
/// The part of a verified Slack request the worker needs, stored in the inbox as JSON. Only what a turn needs is
/// kept (not the raw payload), and the inbox clears it once the work is done.
/// </summary>
public sealed record SlackInboxItem
{
    public required SlackInboxItemKind Kind { get; init; }

    public required string TeamId { get; init; }

    public required string UserId { get; init; }

    /// <summary>The Enterprise Grid organisation, when the workspace belongs to one: an org-wide install's token serves it.</summary>
    public string? EnterpriseId { get; init; }

    public string? UserName { get; init; }

    /// <summary>The Slack channel (or DM) the turn happened in; replies go there unless <see cref="ResponseUrl"/> is set.</summary>
    public string? ChannelId { get; init; }

    public string? Text { get; init; }

    public string? Verb { get; init; }

    public IReadOnlyDictionary<string, string>? Values { get; init; }

    /// <summary>Slack's per-request reply address (commands and interactions): ephemeral answers for the user.</summary>
    public Uri? ResponseUrl { get; init; }

    public const string InboxChannel = "slack";

    /// <summary>The person the work is for ("TEAM:USER"); an uninstall names no one.</summary>
    [JsonIgnore]
    public SlackUserKey UserKey => new(TeamId, UserId);

    /// <summary>The workspace whose bot token every Web API call for this work uses.</summary>
    [JsonIgnore]
    public SlackWorkspace Workspace => new(TeamId, EnterpriseId);

    /// <summary>One person's turns in one workspace run in the order they arrived; different people's run side by side.</summary>
    [JsonIgnore]
    public string OrderingKey => string.IsNullOrEmpty(UserId) ? TeamId : UserKey.ToString();

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static SlackInboxItem FromJson(string json) =>
        JsonSerializer.Deserialize<SlackInboxItem>(json, Json) ?? throw new JsonException("An empty Slack work item.");
}
