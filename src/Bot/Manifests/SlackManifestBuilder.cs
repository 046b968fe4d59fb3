using System.Text.Json.Nodes;

namespace ChatCrm.Bot.Manifests;

/// <summary>Where the Slack app lives and what it is called; the rest is <c>manifests/slack/manifest.yaml</c>.</summary>
public sealed record SlackManifestOptions
{
    /// <summary>The public https address of the bot: Slack calls <c>/slack/commands</c>, <c>/slack/events</c>… under it.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>What a problem with <see cref="BaseUrl"/> names: the option, or the setting the value came from.</summary>
    public string BaseUrlField { get; init; } = "--base-url";

    /// <summary>The app's and bot user's name (Slack allows 35 characters).</summary>
    public string Name { get; init; } = "ChatCrm";

    /// <summary>
    /// Token rotation (12-hour bot tokens that ChatCrm refreshes). Off unless asked for: it needs the OAuth install
    /// through <c>/slack/install</c> (a pasted <c>Slack:BotToken</c> has no refresh token and would die within 12
    /// hours), and Slack cannot turn it off again.
    /// </summary>
    public bool TokenRotation { get; init; }

    /// <summary>Enterprise Grid: the app may be installed once for the whole organisation. Off unless asked for.</summary>
    public bool OrgDeploy { get; init; }
}

/// <summary>
/// Builds the Slack app manifest (YAML, ready to paste into "Create an app → From a manifest") from the template and
/// validates exactly the text it returns against Slack's official manifest schema, plus what the schema leaves open:
/// every request URL is https under the base URL.
/// </summary>
public sealed class SlackManifestBuilder(string template)
{
    public const string TemplateFile = "manifest.yaml";

    public SlackManifestBuilder()
        : this(ManifestResources.Text("slack.manifest.yaml"))
    {
    }

    public ManifestBuild<string> Build(SlackManifestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<ManifestProblem>();
        var baseUrl = ManifestBaseUrl.Parse(options.BaseUrl, options.BaseUrlField, problems);
        if (string.IsNullOrWhiteSpace(options.Name) || options.Name.Any(c => char.IsControl(c) || c is '"' or '\\'))
            problems.Add(new ManifestProblem("--name", "must be a name without quotes, backslashes or line breaks."));
        if (baseUrl is null || problems.Count > 0)
            return ManifestBuild.Refused<string>(problems);

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["BaseUrl"] = ManifestBaseUrl.Text(baseUrl),
            ["Name"] = options.Name.Trim(),
            ["TokenRotation"] = options.TokenRotation ? "true" : "false",
            ["OrgDeploy"] = options.OrgDeploy ? "true" : "false",
        };
        var yaml = ManifestTemplate.FillText(template, values, TemplateFile, problems);
        problems.AddRange(Check(yaml, baseUrl));
        return problems.Count > 0 ? ManifestBuild.Refused<string>(problems) : ManifestBuild.Built<string>(yaml);
    }

    /// <summary>Every problem of a Slack manifest in YAML: Slack's schema first, then ChatCrm's own checks.</summary>
    public static IReadOnlyList<ManifestProblem> Check(string yaml, Uri? baseUrl)
    {
        if (YamlToJson.Convert(yaml, out var problem) is not JsonObject manifest)
            return [new ManifestProblem(TemplateFile, problem ?? "is not a YAML mapping.")];
        var problems = new List<ManifestProblem>(OfficialSchemas.ValidateSlack(manifest.ToJsonString()));
        var prefix = baseUrl is null ? null : ManifestBaseUrl.Text(baseUrl) + "/";
        foreach (var (path, url) in RequestUrls(manifest))
        {
            if (url is null || !url.StartsWith("https://", StringComparison.Ordinal))
                problems.Add(new ManifestProblem(path, $"'{url}' must be an https URL."));
            else if (prefix is not null && !url.StartsWith(prefix, StringComparison.Ordinal))
                problems.Add(new ManifestProblem(path, $"'{url}' is not under the base URL {prefix}"));
        }
        return problems;
    }

    private static IEnumerable<(string Path, string? Url)> RequestUrls(JsonObject manifest)
    {
        var commands = manifest["features"]?["slash_commands"] as JsonArray ?? [];
        for (var i = 0; i < commands.Count; i++)
            yield return ($"$.features.slash_commands[{i}].url", (string?)commands[i]?["url"]);
        var redirects = manifest["oauth_config"]?["redirect_urls"] as JsonArray ?? [];
        for (var i = 0; i < redirects.Count; i++)
            yield return ($"$.oauth_config.redirect_urls[{i}]", (string?)redirects[i]);
        if (manifest["settings"]?["event_subscriptions"] is JsonObject events)
            yield return ("$.settings.event_subscriptions.request_url", (string?)events["request_url"]);
        if (manifest["settings"]?["interactivity"] is JsonObject interactivity)
            yield return ("$.settings.interactivity.request_url", (string?)interactivity["request_url"]);
    }
}
