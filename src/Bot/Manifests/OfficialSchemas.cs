using NJsonSchema;
using NJsonSchema.Validation;

namespace ChatCrm.Bot.Manifests;

/// <summary>
/// The platforms' own JSON schemas, unchanged and embedded (see <c>Schemas/PROVENANCE.md</c>): Teams app manifest
/// v1.24 and its localization file from the npm package <c>@microsoft/app-manifest</c>, and Slack's app manifest
/// schema from <c>slackapi/manifest-schema</c>. Validation is offline; each schema is parsed once.
/// </summary>
public static class OfficialSchemas
{
    /// <summary>The Teams manifest line ChatCrm targets: the first with 12 commands per command list.</summary>
    public const string TeamsManifestVersion = "1.24";

    private static readonly Lazy<JsonSchema> Teams = Load("MicrosoftTeams.v1.24.schema.json");
    private static readonly Lazy<JsonSchema> TeamsLocalization = Load("MicrosoftTeams.Localization.v1.24.schema.json");
    private static readonly Lazy<JsonSchema> Slack = Load("slack-manifest.schema.1.0.0.json");

    public static IReadOnlyList<ManifestProblem> ValidateTeams(string json, string file = "manifest.json") => Validate(Teams.Value, json, file);

    public static IReadOnlyList<ManifestProblem> ValidateTeamsLocalization(string json, string file) => Validate(TeamsLocalization.Value, json, file);

    public static IReadOnlyList<ManifestProblem> ValidateSlack(string json) => Validate(Slack.Value, json, file: null);

    private static Lazy<JsonSchema> Load(string file) =>
        new(() => JsonSchema.FromJsonAsync(ManifestResources.Text("Schemas." + file)).GetAwaiter().GetResult(), LazyThreadSafetyMode.ExecutionAndPublication);

    private static List<ManifestProblem> Validate(JsonSchema schema, string json, string? file)
    {
        var problems = new List<ManifestProblem>();
        foreach (var error in schema.Validate(json))
            Flatten(error, file, problems);
        return problems.Distinct().ToList();
    }

    /// <summary>A failed <c>oneOf</c>/<c>anyOf</c> carries its branches' errors: those name the field to fix.</summary>
    private static void Flatten(ValidationError error, string? file, List<ManifestProblem> problems)
    {
        if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
        {
            foreach (var nested in child.Errors.Values.SelectMany(e => e))
                Flatten(nested, file, problems);
            return;
        }
        var path = JsonPath(error.Path);
        if (error.Kind is ValidationErrorKind.PropertyRequired && error.Property is { } missing)
            path = path == "$" ? "$." + missing : path;
        problems.Add(new ManifestProblem(file is null ? path : $"{file} {path}", Describe(error)));
    }

    /// <summary>NJsonSchema's <c>#/bots[0].botId</c> as the usual <c>$.bots[0].botId</c>.</summary>
    private static string JsonPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "#" ? "$" : "$." + path.TrimStart('#', '/');

    private static string Describe(ValidationError error) => error.Kind switch
    {
        ValidationErrorKind.PropertyRequired => $"the required property '{error.Property}' is missing.",
        ValidationErrorKind.NoAdditionalPropertiesAllowed => $"'{error.Property}' is not a property the schema allows here.",
        ValidationErrorKind.StringTooLong => "is longer than the schema allows.",
        ValidationErrorKind.StringTooShort => "is shorter than the schema allows.",
        ValidationErrorKind.TooManyItems => "has more items than the schema allows.",
        ValidationErrorKind.PatternMismatch => "does not match the pattern the schema requires.",
        ValidationErrorKind.NotInEnumeration => "is not one of the values the schema allows.",
        _ => $"fails the schema ({error.Kind}).",
    };
}
