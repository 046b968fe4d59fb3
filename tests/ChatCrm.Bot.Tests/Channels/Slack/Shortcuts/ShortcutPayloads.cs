using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;

namespace ChatCrm.Bot.Tests.Channels.Slack.Shortcuts;

/// <summary>The shortcut payloads Slack sends, signed and posted by a <see cref="SlackClient"/>, and what the opened modal holds.</summary>
internal static class ShortcutPayloads
{
    /// <summary>A customer writing from their own workspace in a Slack Connect channel.</summary>
    public static readonly SlackUser CustomerAuthor = new("T0CUST1", "U0MARIA9", "maria");

    public static Task<HttpResponseMessage> GlobalAsync(SlackClient client, string callbackId = "log_interaction", string triggerId = "111.222.global") =>
        client.InteractionAsync(new JsonObject
        {
            ["type"] = "shortcut",
            ["token"] = "legacy-verification-token",
            ["action_ts"] = "1700000000.000200",
            ["team"] = new JsonObject { ["id"] = client.User.TeamId, ["domain"] = "acme" },
            ["user"] = new JsonObject { ["id"] = client.User.UserId, ["username"] = client.User.Name, ["team_id"] = client.User.TeamId },
            ["is_enterprise_install"] = false,
            ["enterprise"] = null,
            ["callback_id"] = callbackId,
            ["trigger_id"] = triggerId,
        });

    public static Task<HttpResponseMessage> MessageAsync(SlackClient client, FakeSlack slack, string text, SlackUser author, string callbackId = "log_message") =>
        client.InteractionAsync(new JsonObject
        {
            ["type"] = "message_action",
            ["token"] = "legacy-verification-token",
            ["action_ts"] = "1700000000.000300",
            ["team"] = new JsonObject { ["id"] = client.User.TeamId, ["domain"] = "acme" },
            ["user"] = new JsonObject { ["id"] = client.User.UserId, ["name"] = client.User.Name, ["team_id"] = client.User.TeamId },
            ["channel"] = new JsonObject { ["id"] = "C0SHARED", ["name"] = "acme-iberica" },
            ["is_enterprise_install"] = false,
            ["callback_id"] = callbackId,
            ["trigger_id"] = "333.444.message",
            ["response_url"] = slack.NewResponseUrl().AbsoluteUri,
            ["message_ts"] = "1699999999.000100",
            ["message"] = new JsonObject
            {
                ["type"] = "message",
                ["user"] = author.UserId,
                ["team"] = author.TeamId,
                ["ts"] = "1699999999.000100",
                ["text"] = text,
            },
        });

    public static JsonObject Block(SlackCall open, string id) => open.Blocks.OfType<JsonObject>().Single(b => (string?)b["block_id"] == id);

    public static string? Initial(SlackCall open, string id) =>
        (string?)Block(open, id)["element"]?["initial_value"] ?? (string?)Block(open, id)["element"]?["initial_option"]?["value"];
}
