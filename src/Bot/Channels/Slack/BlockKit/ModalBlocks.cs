using System.Text.Json.Nodes;

namespace ChatCrm.Bot.Channels.Slack.BlockKit;

/// <summary>
/// The pieces every ChatCrm modal is made of: an input block whose <c>block_id</c> and element's <c>action_id</c> are
/// the form's field name (so a submission reads straight into the form and an error lands on its field), text inputs,
/// selects, and the <c>response_action: errors</c> answer. Each keeps within Block Kit's limits.
/// </summary>
public static class ModalBlocks
{
    public static JsonObject Input(string id, string label, JsonObject element, bool optional) => new()
    {
        ["type"] = "input",
        ["block_id"] = Identifier(id),
        ["label"] = BlockKitText.Plain(label, BlockKitLimits.InputLabel),
        ["element"] = element,
        ["optional"] = optional,
    };

    /// <summary>A text input; lengths are checked by ChatCrm, which says by how much a text is too long.</summary>
    public static JsonObject TextInput(string id, string? placeholder, bool multiline, string? initial = null)
    {
        var element = new JsonObject
        {
            ["type"] = "plain_text_input",
            ["action_id"] = Identifier(id),
            ["multiline"] = multiline,
        };
        if (!string.IsNullOrWhiteSpace(placeholder))
            element["placeholder"] = BlockKitText.Plain(placeholder, BlockKitLimits.Placeholder);
        if (!string.IsNullOrWhiteSpace(initial))
            element["initial_value"] = BlockKitText.Fit(initial.Trim(), BlockKitLimits.PlainTextInputMax);
        return element;
    }

    /// <summary>A static select of at most 100 options, with <paramref name="initial"/> chosen when it is one of them.</summary>
    public static JsonObject Select(string id, IReadOnlyList<(string Value, string Label)> choices, string? initial = null, string? placeholder = null)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var options = new JsonArray();
        JsonObject? selected = null;
        foreach (var (value, label) in choices.Take(BlockKitLimits.StaticSelectOptions))
        {
            var option = new JsonObject { ["text"] = BlockKitText.Plain(label, BlockKitLimits.ButtonText), ["value"] = value };
            options.Add(option);
            if (value == initial)
                selected = option;
        }
        var select = new JsonObject { ["type"] = "static_select", ["action_id"] = Identifier(id), ["options"] = options };
        if (placeholder is not null)
            select["placeholder"] = BlockKitText.Plain(placeholder, BlockKitLimits.Placeholder);
        if (selected is not null)
            select["initial_option"] = selected.DeepClone();
        return select;
    }

    /// <summary>The <c>view_submission</c> answer that keeps the modal open with a message under each wrong field.</summary>
    public static JsonObject Errors(IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var byBlock = new JsonObject();
        foreach (var (field, message) in errors)
            byBlock[Identifier(field)] = BlockKitText.Fit(message, BlockKitLimits.SectionText);
        return new JsonObject { ["response_action"] = "errors", ["errors"] = byBlock };
    }

    public static string Identifier(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id.Length <= BlockKitLimits.Identifier ? id : id[..BlockKitLimits.Identifier];
    }
}
