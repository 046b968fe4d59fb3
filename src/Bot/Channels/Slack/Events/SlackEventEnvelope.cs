using System.Text.Json;

namespace ChatCrm.Bot.Channels.Slack.Events;

/// <summary>
/// The outer layer of an Events API request: either Slack checking the URL (<c>url_verification</c>, answered
/// with its challenge) or an <c>event_callback</c> carrying one event and the <c>event_id</c> that retries repeat.
/// </summary>
public sealed record SlackEventEnvelope(string Type, string? Challenge, string? EventId, string? TeamId, SlackEvent? Event)
{
    /// <summary>The Enterprise Grid organisation (<c>enterprise_id</c>), when the workspace belongs to one.</summary>
    public string? EnterpriseId { get; init; }

    public const string UrlVerification = "url_verification";
    public const string EventCallback = "event_callback";

    /// <summary>Reads the JSON; null with a reason when it is not a usable envelope.</summary>
    public static SlackEventEnvelope? Parse(string body, out string? problem)
    {
        problem = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "type") is not { } type)
            {
                problem = "The body is not a Slack event envelope.";
                return null;
            }
            if (type == UrlVerification)
                return new SlackEventEnvelope(type, Text(root, "challenge"), null, null, null);
            if (type != EventCallback)
                return new SlackEventEnvelope(type, null, null, null, null);

            var eventId = Text(root, "event_id");
            var teamId = Text(root, "team_id");
            if (eventId is null || teamId is null || !root.TryGetProperty("event", out var inner) || inner.ValueKind != JsonValueKind.Object)
            {
                problem = "An event_callback needs event_id, team_id and event.";
                return null;
            }
            return new SlackEventEnvelope(type, null, eventId, teamId, SlackEvent.From(inner)) { EnterpriseId = Text(root, "enterprise_id") };
        }
        catch (JsonException)
        {
            problem = "The body is not JSON.";
            return null;
        }
    }

    internal static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}

/// <summary>The event inside a callback, reduced to the fields ChatCrm acts on.</summary>
public sealed record SlackEvent(string? Type, string? Subtype, string? User, string? BotId, string? Channel, string? ChannelType, string? Text, string? Tab)
{
    public static SlackEvent From(JsonElement e) => new(
        SlackEventEnvelope.Text(e, "type"),
        SlackEventEnvelope.Text(e, "subtype"),
        SlackEventEnvelope.Text(e, "user"),
        SlackEventEnvelope.Text(e, "bot_id"),
        SlackEventEnvelope.Text(e, "channel"),
        SlackEventEnvelope.Text(e, "channel_type"),
        e.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null,
        SlackEventEnvelope.Text(e, "tab"))
    {
        RevokesBotTokens = e.TryGetProperty("tokens", out var tokens) && tokens.ValueKind == JsonValueKind.Object
            && tokens.TryGetProperty("bot", out var bots) && bots.ValueKind == JsonValueKind.Array && bots.GetArrayLength() > 0,
    };

    /// <summary>A <c>tokens_revoked</c> event that names bot tokens (not just user tokens).</summary>
    public bool RevokesBotTokens { get; init; }

    /// <summary>The workspace removed the app or revoked its bot token: its stored token must be forgotten.</summary>
    public bool RetiresWorkspace => Type == "app_uninstalled" || (Type == "tokens_revoked" && RevokesBotTokens);

    /// <summary>
    /// A message a person wrote to the bot: a mention, or a direct message. Messages from bots (including ChatCrm's
    /// own replies) and edits, joins and other subtypes are not, so the bot never answers itself.
    /// </summary>
    public bool IsPersonTalkingToBot =>
        User is not null && Channel is not null && BotId is null && Subtype is null
        && (Type == "app_mention" || (Type == "message" && ChannelType == "im"));

    public bool IsHomeOpened => Type == "app_home_opened" && User is not null && Tab is null or "home";
}
