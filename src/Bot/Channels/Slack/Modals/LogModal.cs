using System.Text.Json.Nodes;
using ChatCrm.Bot.Channels.Slack.BlockKit;
using ChatCrm.Bot.Conversations.Dialogs;

namespace ChatCrm.Bot.Channels.Slack.Modals;

/// <summary>
/// The "log" form as a Slack modal. Each input's <c>block_id</c> and <c>action_id</c> is its <see cref="LogForm"/>
/// field name, so the submitted <c>state.values</c> read straight into a <see cref="LogFormInput"/> and a validation
/// error is answered on the block that caused it. Lengths are checked by ChatCrm (not by Slack's
/// <c>max_length</c>), so an over-long text gets a message saying by how much instead of a silent stop.
/// </summary>
public static class LogModal
{
    public const string CallbackId = "chatcrm-log";

    private static readonly (string Value, string Label)[] Kinds =
        [("call", "Call"), ("visit", "Visit"), ("meeting", "Meeting"), ("email", "E-mail"), ("chat", "Chat")];

    public static JsonObject View(string? customerQuery) => new()
    {
        ["type"] = "modal",
        ["callback_id"] = CallbackId,
        ["title"] = BlockKitText.Plain("Log an interaction", BlockKitLimits.ModalTitle),
        ["submit"] = BlockKitText.Plain("Log", BlockKitLimits.ModalButton),
        ["close"] = BlockKitText.Plain("Cancel", BlockKitLimits.ModalButton),
        ["blocks"] = new JsonArray(
            Input(LogForm.Customer, "Customer", TextElement(LogForm.Customer, "Name, company, e-mail or phone", multiline: false, customerQuery), optional: false),
            Input(LogForm.Kind, "What kind of contact", KindSelect(), optional: false),
            Input(LogForm.Channel, "Channel", ChannelSelect(), optional: true),
            Input(LogForm.Date, "Date", new JsonObject { ["type"] = "datepicker", ["action_id"] = LogForm.Date }, optional: true),
            Input(LogForm.Summary, "Summary", TextElement(LogForm.Summary, "What was it about?", multiline: true), optional: false),
            Input(LogForm.Outcome, "Outcome", TextElement(LogForm.Outcome, "What was agreed (optional)", multiline: true), optional: true),
            Input(LogForm.FollowUp, "Follow-up date", TextElement(LogForm.FollowUp, "2026-12-01, tomorrow, in 3 days (optional)", multiline: false), optional: true)),
    };

    /// <summary>The submitted values, keyed by action id as <see cref="Interactions.InteractionPayload"/> reads them.</summary>
    public static LogFormInput Input(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        string? Value(string id) => values.TryGetValue(id, out var value) ? value : null;
        return new LogFormInput(Value(LogForm.Customer), Value(LogForm.Kind), Value(LogForm.Summary), Value(LogForm.Outcome), Value(LogForm.FollowUp),
            Value(LogForm.Channel), Value(LogForm.Date));
    }

    /// <summary>The <c>view_submission</c> answer that keeps the modal open with a message under each wrong field.</summary>
    public static JsonObject Errors(IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var byBlock = new JsonObject();
        foreach (var (field, message) in errors)
            byBlock[field] = message;
        return new JsonObject { ["response_action"] = "errors", ["errors"] = byBlock };
    }

    private static JsonObject Input(string id, string label, JsonObject element, bool optional) => new()
    {
        ["type"] = "input",
        ["block_id"] = id,
        ["label"] = BlockKitText.Plain(label, BlockKitLimits.InputLabel),
        ["element"] = element,
        ["optional"] = optional,
    };

    private static JsonObject TextElement(string id, string placeholder, bool multiline, string? initial = null)
    {
        var element = new JsonObject
        {
            ["type"] = "plain_text_input",
            ["action_id"] = id,
            ["multiline"] = multiline,
            ["placeholder"] = BlockKitText.Plain(placeholder, BlockKitLimits.Placeholder),
        };
        if (!string.IsNullOrWhiteSpace(initial))
            element["initial_value"] = BlockKitText.Fit(initial.Trim(), BlockKitLimits.PlainTextInputMax);
        return element;
    }

    /// <summary>Where the contact took place; left empty, the kind's usual channel applies (a call → phone).</summary>
    private static JsonObject ChannelSelect()
    {
        var options = new JsonArray();
        foreach (var channel in Enum.GetValues<Domain.Interactions.InteractionChannel>())
            options.Add(new JsonObject { ["text"] = BlockKitText.Plain(channel.ToString(), BlockKitLimits.ButtonText), ["value"] = channel.ToString() });
        return new JsonObject
        {
            ["type"] = "static_select",
            ["action_id"] = LogForm.Channel,
            ["placeholder"] = BlockKitText.Plain("Usual for the kind (optional)", BlockKitLimits.Placeholder),
            ["options"] = options,
        };
    }

    private static JsonObject KindSelect()
    {
        var options = new JsonArray();
        foreach (var (value, label) in Kinds)
            options.Add(new JsonObject { ["text"] = BlockKitText.Plain(label, BlockKitLimits.ButtonText), ["value"] = value });
        return new JsonObject
        {
            ["type"] = "static_select",
            ["action_id"] = LogForm.Kind,
            ["placeholder"] = BlockKitText.Plain("Call, visit, meeting…", BlockKitLimits.Placeholder),
            ["options"] = options,
            ["initial_option"] = options[0]!.DeepClone(),
        };
    }
}
