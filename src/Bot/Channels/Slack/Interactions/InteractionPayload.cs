using System.Text.Json;
using ChatCrm.Bot.Channels.Slack.BlockKit;
using ChatCrm.Bot.Channels.Slack.Events;
using Microsoft.AspNetCore.WebUtilities;

using ChatCrm.Bot.Channels.Slack.Install;

namespace ChatCrm.Bot.Channels.Slack.Interactions;

/// <summary>
/// An interaction request (form field <c>payload</c> holding JSON), reduced to what ChatCrm acts on: a button press
/// in a message (<c>block_actions</c>) with the values of the message's inputs, or a modal submission.
/// </summary>
public sealed record InteractionPayload(
    string Type,
    string? TeamId,
    string? UserId,
    string? UserName,
    string? ChannelId,
    string? TriggerId,
    string? ActionTs,
    Uri? ResponseUrl,
    string? Verb,
    IReadOnlyDictionary<string, string> Values,
    string? CallbackId,
    string? PrivateMetadata,
    string? ViewId = null)
{
    /// <summary>The Enterprise Grid organisation (<c>enterprise.id</c> or <c>team.enterprise_id</c>), when there is one.</summary>
    public string? EnterpriseId { get; init; }

    /// <summary>The workspace whose bot token answers this interaction.</summary>
    public SlackWorkspace Workspace => new(TeamId, EnterpriseId);

    public const string BlockActions = "block_actions";
    public const string ViewSubmission = "view_submission";

    /// <summary>The id retries and second deliveries share: the trigger id (one per user action), else the action time.</summary>
    public string? DedupKey => TeamId is null ? null : $"interaction:{TeamId}:{TriggerId ?? ActionTs}";

    public static InteractionPayload? Parse(string body, out string? problem)
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
            if (root.ValueKind != JsonValueKind.Object || SlackEventEnvelope.Text(root, "type") is not { } type)
            {
                problem = "The payload is not an interaction.";
                return null;
            }
            var user = Object(root, "user");
            var teamId = SlackEventEnvelope.Text(Object(root, "team"), "id") ?? SlackEventEnvelope.Text(user, "team_id");
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var view = Object(root, "view");
            ReadStateValues(type == ViewSubmission ? Object(view, "state") : Object(root, "state"), values);
            string? verb = null;
            string? actionTs = null;
            if (root.TryGetProperty("actions", out var actions) && actions.ValueKind == JsonValueKind.Array && actions.GetArrayLength() > 0)
            {
                var action = actions[0];
                actionTs = SlackEventEnvelope.Text(action, "action_ts");
                if (ButtonValue.Decode(SlackEventEnvelope.Text(action, "value")) is { } pressed)
                {
                    verb = pressed.Verb;
                    foreach (var (key, value) in pressed.Data)
                        values[key] = value;
                }
            }
            Uri.TryCreate(SlackEventEnvelope.Text(root, "response_url"), UriKind.Absolute, out var responseUrl);
            return new InteractionPayload(type, teamId, SlackEventEnvelope.Text(user, "id"),
                SlackEventEnvelope.Text(user, "name") ?? SlackEventEnvelope.Text(user, "username"),
                SlackEventEnvelope.Text(Object(root, "channel"), "id"), SlackEventEnvelope.Text(root, "trigger_id"), actionTs, responseUrl,
                verb, values, SlackEventEnvelope.Text(view, "callback_id"), SlackEventEnvelope.Text(view, "private_metadata"),
                SlackEventEnvelope.Text(view, "id"))
            {
                EnterpriseId = SlackEventEnvelope.Text(Object(root, "enterprise"), "id") ?? SlackEventEnvelope.Text(Object(root, "team"), "enterprise_id"),
            };
        }
        catch (JsonException)
        {
            problem = "The payload is not JSON.";
            return null;
        }
    }

    private static JsonElement Object(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : default;

    /// <summary>The inputs' current values (<c>state.values.{block}.{action}</c>), keyed by action id (the card input's id).</summary>
    private static void ReadStateValues(JsonElement state, Dictionary<string, string> values)
    {
        if (state.ValueKind != JsonValueKind.Object || !state.TryGetProperty("values", out var blocks) || blocks.ValueKind != JsonValueKind.Object)
            return;
        foreach (var block in blocks.EnumerateObject())
        {
            if (block.Value.ValueKind != JsonValueKind.Object)
                continue;
            foreach (var input in block.Value.EnumerateObject())
            {
                var value = SlackEventEnvelope.Text(input.Value, "value")
                    ?? SlackEventEnvelope.Text(input.Value, "selected_date")
                    ?? SlackEventEnvelope.Text(Object(input.Value, "selected_option"), "value");
                if (value is not null)
                    values[input.Name] = value;
            }
        }
    }
}
