using System.Text.Json.Nodes;

namespace ChatCrm.Bot.Tests.Support;

/// <summary>
/// Slack's Block Kit limits, checked independently of the renderer: the fake Web API runs every payload it receives
/// through these, so a renderer bug shows up as a violation instead of a payload Slack would reject.
/// </summary>
public static class BlockKitChecks
{
    public static IEnumerable<string> Check(JsonArray? blocks, int maxBlocks)
    {
        if (blocks is null)
            yield break;
        if (blocks.Count > maxBlocks)
            yield return $"{blocks.Count} blocks (limit {maxBlocks})";
        var actionIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in blocks.OfType<JsonObject>())
        {
            var type = (string?)block["type"];
            if (((string?)block["block_id"])?.Length > 255)
                yield return "block_id over 255";
            switch (type)
            {
                case "header":
                    foreach (var v in Text(block["text"], 1, 150, "header text")) yield return v;
                    break;
                case "section":
                    if (block["text"] is null && block["fields"] is null)
                        yield return "section without text or fields";
                    if (block["text"] is not null)
                        foreach (var v in Text(block["text"], 1, 3000, "section text")) yield return v;
                    if (block["fields"] is JsonArray fields)
                    {
                        if (fields.Count > 10)
                            yield return $"{fields.Count} section fields (limit 10)";
                        foreach (var field in fields)
                            foreach (var v in Text(field, 1, 2000, "field text")) yield return v;
                    }
                    break;
                case "context":
                    var elements = block["elements"]?.AsArray() ?? [];
                    if (elements.Count is 0 or > 10)
                        yield return $"{elements.Count} context elements (1..10)";
                    foreach (var element in elements)
                        foreach (var v in Text(element, 1, 3000, "context text")) yield return v;
                    break;
                case "actions":
                    var buttons = block["elements"]?.AsArray() ?? [];
                    if (buttons.Count is 0 or > 25)
                        yield return $"{buttons.Count} action elements (1..25)";
                    foreach (var button in buttons.OfType<JsonObject>())
                    {
                        foreach (var v in Text(button["text"], 1, 75, "button text")) yield return v;
                        if (((string?)button["value"])?.Length > 2000)
                            yield return "button value over 2000";
                        if (((string?)button["url"])?.Length > 3000)
                            yield return "button url over 3000";
                        var id = (string?)button["action_id"] ?? string.Empty;
                        if (id.Length > 255 || !actionIds.Add(id))
                            yield return $"action_id '{id}' too long or repeated";
                    }
                    break;
                case "input":
                    foreach (var v in Text(block["label"], 1, 2000, "input label")) yield return v;
                    if (block["element"] is not JsonObject inputElement)
                        yield return "input without element";
                    else
                        foreach (var v in InputElement(inputElement)) yield return v;
                    break;
                case "divider":
                    break;
                case "image":
                    // Slack fetches image_url itself: an absolute https address of at most 3000 characters, and alt_text of 1..2000.
                    var url = (string?)block["image_url"];
                    if (url is null || url.Length > 3000 || !Uri.TryCreate(url, UriKind.Absolute, out var imageUrl) || imageUrl.Scheme != Uri.UriSchemeHttps)
                        yield return $"image_url '{url}' is not an https address of at most 3000 characters";
                    if (((string?)block["alt_text"])?.Length is null or 0 or > 2000)
                        yield return "image without alt_text of 1..2000 characters";
                    break;
                default:
                    yield return $"unexpected block type '{type}'";
                    break;
            }
        }
    }

    /// <summary>A modal or Home tab: type, title/submit/close lengths, ids, metadata and the 250 KB size.</summary>
    public static IEnumerable<string> CheckView(JsonObject? view)
    {
        if (view is null)
        {
            yield return "a views call without a view";
            yield break;
        }
        var type = (string?)view["type"];
        if (type is not ("modal" or "home"))
            yield return $"view type '{type}'";
        if (type == "modal")
        {
            foreach (var v in Text(view["title"], 1, 24, "modal title")) yield return v;
            if (view["submit"] is not null)
                foreach (var v in Text(view["submit"], 1, 24, "modal submit")) yield return v;
            if (view["close"] is not null)
                foreach (var v in Text(view["close"], 1, 24, "modal close")) yield return v;
            var hasInput = (view["blocks"] as JsonArray ?? []).OfType<JsonObject>().Any(b => (string?)b["type"] == "input");
            if (hasInput && view["submit"] is null)
                yield return "a modal with inputs but no submit button";
        }
        if (((string?)view["callback_id"])?.Length > 255)
            yield return "callback_id over 255";
        if (((string?)view["private_metadata"])?.Length > 3000)
            yield return "private_metadata over 3000";
        if (System.Text.Encoding.UTF8.GetByteCount(view.ToJsonString()) > 250_000)
            yield return "view over 250 KB";
    }

    private static IEnumerable<string> InputElement(JsonObject element)
    {
        if (((string?)element["action_id"])?.Length is null or > 255)
            yield return "input element without an action_id of at most 255";
        if (element["placeholder"] is not null)
            foreach (var v in Text(element["placeholder"], 1, 150, "placeholder")) yield return v;
        switch ((string?)element["type"])
        {
            case "plain_text_input":
                if (((string?)element["initial_value"])?.Length > 3000)
                    yield return "initial_value over 3000";
                if (element["max_length"] is JsonValue max && (int)max is < 1 or > 3000)
                    yield return "max_length outside 1..3000";
                break;
            case "static_select":
                var options = element["options"]?.AsArray() ?? [];
                if (options.Count is 0 or > 100)
                    yield return $"{options.Count} select options (1..100)";
                foreach (var option in options.OfType<JsonObject>())
                {
                    foreach (var v in Text(option["text"], 1, 75, "option text")) yield return v;
                    if (((string?)option["value"])?.Length is null or > 150)
                        yield return "option value missing or over 150";
                }
                break;
            case "datepicker":
                break;
            default:
                yield return $"unexpected input element '{(string?)element["type"]}'";
                break;
        }
    }

    private static IEnumerable<string> Text(JsonNode? node, int min, int max, string what)
    {
        var text = (string?)node?["text"];
        var kind = (string?)node?["type"];
        if (kind is not ("plain_text" or "mrkdwn"))
            yield return $"{what} is not a text object";
        if (text is null || text.Length < min || text.Length > max)
            yield return $"{what} length {text?.Length ?? 0} outside {min}..{max}";
        if (kind == "plain_text" && string.IsNullOrWhiteSpace(text))
            yield return $"{what} is blank";
    }
}
