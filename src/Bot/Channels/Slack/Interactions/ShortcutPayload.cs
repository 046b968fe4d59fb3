using System.Text.Json;
using ChatCrm.Bot.Channels.Slack.Events;
using ChatCrm.Bot.Channels.Slack.Install;
using Microsoft.AspNetCore.WebUtilities;

namespace ChatCrm.Bot.Channels.Slack.Interactions;

/// <summary>
/// A shortcut request: <c>shortcut</c> (global, from the composer's shortcut menu) or <c>message_action</c> (from a
/// message's "More actions" menu, carrying that message). Unlike a button press its <c>callback_id</c> is at the top
/// of the payload and there is no view, so <see cref="InteractionPayload"/> does not read it; this record keeps what
/// a shortcut needs to open a modal within Slack's 3 seconds.
/// </summary>
public sealed record ShortcutPayload(
    string Type,
    string? CallbackId,
    string? TeamId,
    string? EnterpriseId,
    string? UserId,
    string? UserName,
    string? TriggerId,
    Uri? ResponseUrl,
    ShortcutMessage? Message)
{
    public const string Global = "shortcut";
    public const string OnMessage = "message_action";

    public static bool IsShortcut(string type) => type is Global or OnMessage;

    /// <summary>The workspace whose bot token answers this shortcut.</summary>
    public SlackWorkspace Workspace => new(TeamId, EnterpriseId);

    /// <summary>The shortcut, or null with a reason when the body is not a readable shortcut payload.</summary>
    public static ShortcutPayload? Parse(string body, out string? problem)
    {
        problem = null;
        var form = QueryHelpers.ParseQuery(body);
        if (!form.TryGetValue("payload", out var json) || string.IsNullOrWhiteSpace(json))
        {
            problem = "The field 'payload' is missing.";
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(json.ToString());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || SlackEventEnvelope.Text(root, "type") is not { } type || !IsShortcut(type))
            {
                problem = "The payload is not a shortcut.";
                return null;
            }
            var user = Object(root, "user");
            var team = Object(root, "team");
            var teamId = SlackEventEnvelope.Text(team, "id") ?? SlackEventEnvelope.Text(user, "team_id");
            Uri.TryCreate(SlackEventEnvelope.Text(root, "response_url"), UriKind.Absolute, out var responseUrl);
            var message = Object(root, "message");
            return new ShortcutPayload(type, SlackEventEnvelope.Text(root, "callback_id"), teamId,
                SlackEventEnvelope.Text(Object(root, "enterprise"), "id") ?? SlackEventEnvelope.Text(team, "enterprise_id"),
                SlackEventEnvelope.Text(user, "id"), SlackEventEnvelope.Text(user, "username") ?? SlackEventEnvelope.Text(user, "name"),
                SlackEventEnvelope.Text(root, "trigger_id"), responseUrl,
                message.ValueKind == JsonValueKind.Object
                    ? new ShortcutMessage(SlackEventEnvelope.Text(message, "text"), SlackEventEnvelope.Text(message, "user"),
                        // The author's own workspace: another one's in a Slack Connect channel, where customers write.
                        SlackEventEnvelope.Text(message, "user_team") ?? SlackEventEnvelope.Text(message, "team") ?? teamId)
                    : null);
        }
        catch (JsonException)
        {
            problem = "The payload is not JSON.";
            return null;
        }
    }

    private static JsonElement Object(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : default;
}

/// <summary>The message a message shortcut was used on: its text as Slack stores it, and who wrote it (absent for a bot).</summary>
public sealed record ShortcutMessage(string? Text, string? AuthorUserId, string? AuthorTeamId);
