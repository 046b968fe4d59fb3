using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatCrm.Load.Mix;

/// <summary>Reads what a person would look at in a bot's reply: the first button of a choice list.</summary>
public static class ReplyReading
{
    /// <summary>
    /// The first <c>Action.Execute</c> of the reply's Adaptive Card whose data names a customer (a "which one do you
    /// mean?" list), as its verb and data; null when the reply offers no such choice.
    /// </summary>
    public static (string Verb, JsonObject Data)? FirstChoice(string? activityJson)
    {
        if (string.IsNullOrEmpty(activityJson))
            return null;
        JsonNode? activity;
        try
        {
            activity = JsonNode.Parse(activityJson);
        }
        catch (JsonException)
        {
            return null;
        }
        if (activity?["attachments"] is not JsonArray attachments)
            return null;
        foreach (var attachment in attachments)
        {
            if (attachment?["content"]?["actions"] is not JsonArray actions)
                continue;
            foreach (var action in actions)
            {
                if (action?["type"]?.GetValue<string>() == "Action.Execute"
                    && action["verb"]?.GetValue<string>() is { } verb
                    && action["data"] is JsonObject data && data.ContainsKey("customerId"))
                    return (verb, (JsonObject)data.DeepClone());
            }
        }
        return null;
    }
}
