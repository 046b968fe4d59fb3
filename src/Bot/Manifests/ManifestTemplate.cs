using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChatCrm.Bot.Manifests;

/// <summary>
/// Fills <c>{{Name}}</c> placeholders inside the string values of a JSON template. Values go in through the JSON
/// writer, so a name with quotes or a backslash cannot break the document; a placeholder left without a value is a
/// problem at its JSON path, never an upload that fails later.
/// </summary>
public static partial class ManifestTemplate
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string? FillJson(string template, IReadOnlyDictionary<string, string> values, string file, ICollection<ManifestProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(template);
        }
        catch (JsonException e)
        {
            problems.Add(new ManifestProblem(file, $"is not JSON: {e.Message}"));
            return null;
        }
        if (root is null)
        {
            problems.Add(new ManifestProblem(file, "is empty."));
            return null;
        }
        Fill(root, "$", values, file, problems);
        return root.ToJsonString(Indented);
    }

    /// <summary>Replaces placeholders in plain text (the Slack YAML); the caller makes the values safe for the format.</summary>
    public static string FillText(string template, IReadOnlyDictionary<string, string> values, string file, ICollection<ManifestProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return Placeholder().Replace(template, match =>
        {
            if (values.TryGetValue(match.Groups[1].Value, out var value))
                return value;
            problems.Add(new ManifestProblem(file, $"the placeholder {match.Value} has no value."));
            return match.Value;
        });
    }

    private static void Fill(JsonNode node, string path, IReadOnlyDictionary<string, string> values, string file, ICollection<ManifestProblem> problems)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (child is JsonValue leaf && leaf.TryGetValue<string>(out var text))
                        obj[name] = FillString(text, $"{path}.{name}", values, file, problems);
                    else if (child is not null)
                        Fill(child, $"{path}.{name}", values, file, problems);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue leaf && leaf.TryGetValue<string>(out var text))
                        array[i] = FillString(text, $"{path}[{i}]", values, file, problems);
                    else if (array[i] is { } child)
                        Fill(child, $"{path}[{i}]", values, file, problems);
                }
                break;
        }
    }

    private static string FillString(string text, string path, IReadOnlyDictionary<string, string> values, string file, ICollection<ManifestProblem> problems) =>
        Placeholder().Replace(text, match =>
        {
            if (values.TryGetValue(match.Groups[1].Value, out var value))
                return value;
            problems.Add(new ManifestProblem($"{file} {path}", $"the placeholder {match.Value} has no value."));
            return match.Value;
        });

    [GeneratedRegex(@"\{\{([A-Za-z]+)\}\}")]
    private static partial Regex Placeholder();
}
