using System.Text.Json;

namespace ChatCrm.Bot.Channels.Slack.BlockKit;

/// <summary>
/// A card button's verb and data packed into a Block Kit button <c>value</c> (at most 2000 characters) and read
/// back from a <c>block_actions</c> payload, so a press reaches the conversation as the same <c>CardAction</c> Teams sends.
/// </summary>
public static class ButtonValue
{
    private const string VerbKey = "v";
    private const string DataKey = "d";

    public static string Encode(string verb, IReadOnlyDictionary<string, string> data) =>
        JsonSerializer.Serialize(new Dictionary<string, object> { [VerbKey] = verb, [DataKey] = data });

    /// <summary>The verb and data, or null when the value is not one ChatCrm wrote.</summary>
    public static (string Verb, Dictionary<string, string> Data)? Decode(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return null;
        try
        {
            using var document = JsonDocument.Parse(value);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(VerbKey, out var verb) || verb.ValueKind != JsonValueKind.String)
                return null;
            var data = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty(DataKey, out var values) && values.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in values.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String)
                        data[property.Name] = property.Value.GetString()!;
                }
            }
            return (verb.GetString()!, data);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
