using System.Text.Json.Nodes;

namespace ChatCrm.Bot.Tests.Support;

/// <summary>
/// A <c>view_submission</c> as Slack sends it when someone submits one of ChatCrm's modals: each field's block id and
/// action id are the field's name (as the renderer writes them), and its value comes as the element Slack reports.
/// </summary>
public static class SlackViewSubmission
{
    /// <summary>A text input's value.</summary>
    public static JsonObject Typed(string value) => new() { ["type"] = "plain_text_input", ["value"] = value };

    /// <summary>A select's chosen option.</summary>
    public static JsonObject Selected(string value) => new() { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = value } };

    /// <summary>A date picker's date (yyyy-MM-dd as Slack sends it, or whatever a test wants the check to see).</summary>
    public static JsonObject Picked(string value) => new() { ["type"] = "datepicker", ["selected_date"] = value };

    /// <summary>Submits the modal <paramref name="callbackId"/> with <paramref name="fields"/> and the <paramref name="metadata"/> it was opened with.</summary>
    public static Task<HttpResponseMessage> SubmitViewAsync(this SlackClient client, string callbackId, IEnumerable<(string Field, JsonObject Element)> fields,
        string? metadata = null, string? viewId = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var blocks = new JsonObject();
        foreach (var (field, element) in fields)
            blocks[field] = new JsonObject { [field] = element };
        return client.InteractionAsync(new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = client.User.TeamId },
            ["user"] = new JsonObject { ["id"] = client.User.UserId, ["name"] = client.User.Name, ["team_id"] = client.User.TeamId },
            ["trigger_id"] = $"{Guid.NewGuid():N}",
            ["view"] = new JsonObject
            {
                ["id"] = viewId ?? $"V{Guid.NewGuid():N}",
                ["type"] = "modal",
                ["callback_id"] = callbackId,
                ["private_metadata"] = metadata,
                ["state"] = new JsonObject { ["values"] = blocks },
            },
        });
    }
}
