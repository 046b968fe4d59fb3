using System.Text;
using System.Text.Json.Nodes;
using NJsonSchema;

namespace ChatCrm.Bot.Tests.Support;

/// <summary>
/// The official Adaptive Cards 1.5 JSON schema (kept in the test project, see Schemas/PROVENANCE.md), loaded once,
/// with Teams' <c>msteams</c> card extension allowed. Every card the bot emits is checked against it, and against the
/// size a Teams channel post accepts.
/// </summary>
public static class AdaptiveCardSchema
{
    /// <summary>A post in a Teams channel fails above about 28 KB; every activity the bot sends must stay below.</summary>
    public const int MaxActivityBytes = 28 * 1024;

    private static readonly Lazy<JsonSchema> Schema = new(Load);

    /// <summary>Each way <paramref name="card"/> breaks the schema, as "path: problem"; empty when it is valid.</summary>
    public static IReadOnlyList<string> Problems(JsonNode card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return Schema.Value.Validate(card.ToJsonString())
            .Select(e => $"{e.Path}: {e.Kind}{Nested(e)}")
            .ToList();
    }

    public static int SizeInBytes(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        // As the bot sends it: accented text as UTF-8 rather than \uXXXX escapes.
        return Encoding.UTF8.GetByteCount(node.ToJsonString(ChatCrm.Bot.Channels.Teams.Protocol.BotFrameworkJson.Options));
    }

    /// <summary>The problems inside an <c>anyOf</c> (the schema's element and action lists are all <c>anyOf</c>).</summary>
    private static string Nested(NJsonSchema.Validation.ValidationError error) =>
        error is NJsonSchema.Validation.ChildSchemaValidationError child
            ? " [" + string.Join("; ", child.Errors.SelectMany(e => e.Value).Select(e => $"{e.Path}: {e.Kind}").Distinct().Take(6)) + "]"
            : string.Empty;

    private static JsonSchema Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Schemas", "adaptive-card-1.5.0.json");
        var document = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        // Teams reads its own extension ("msteams": { "width": "Full" }) on the card; the schema does not list it.
        document["definitions"]!["AdaptiveCard"]!["properties"]!.AsObject()["msteams"] = new JsonObject { ["type"] = "object" };
        return JsonSchema.FromJsonAsync(document.ToJsonString()).GetAwaiter().GetResult();
    }
}
