using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChatCrm.Bot.Manifests;

/// <summary>
/// Builds the Teams app package: fills the manifest template, validates it against the official v1.24 schema and
/// checks what the schema cannot express (GUIDs, command counts, the icons' pixels, the domains), and only then
/// writes the zip. An invalid package is never produced: Teams' upload errors are vague, ours name the field.
/// </summary>
public sealed partial class TeamsPackageBuilder(TeamsAppTemplate template)
{
    public const string ManifestFile = "manifest.json";
    public const string SpanishFile = "es.json";
    public const string ColorIconFile = "color.png";
    public const string OutlineIconFile = "outline.png";
    public const int ColorIconSize = 192;
    public const int OutlineIconSize = 32;
    public const int MaxCommandLists = 3;
    public const int MaxCommandsPerList = 12;

    private static readonly DateTimeOffset PackageTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public TeamsPackageBuilder()
        : this(TeamsAppTemplate.Embedded())
    {
    }

    public ManifestBuild<TeamsPackage> Build(TeamsPackageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<ManifestProblem>();
        var values = Values(options, problems, out var baseHost);
        if (problems.Count > 0)
            return ManifestBuild.Refused<TeamsPackage>(problems);

        var manifest = ManifestTemplate.FillJson(template.Manifest, values, ManifestFile, problems);
        var spanish = ManifestTemplate.FillJson(template.Spanish, values, SpanishFile, problems);
        if (manifest is null || spanish is null || problems.Count > 0)
            return ManifestBuild.Refused<TeamsPackage>(problems);

        problems.AddRange(Check(manifest, spanish, template.ColorIcon, template.OutlineIcon, baseHost));
        return problems.Count > 0
            ? ManifestBuild.Refused<TeamsPackage>(problems)
            : ManifestBuild.Built<TeamsPackage>(new TeamsPackage(manifest, Zip(manifest, spanish)));
    }

    /// <summary>Every problem of a package's contents: the official schemas first, then ChatCrm's own checks.</summary>
    public static IReadOnlyList<ManifestProblem> Check(string manifest, string? spanish, byte[] colorIcon, byte[] outlineIcon, string? baseHost)
    {
        var problems = new List<ManifestProblem>();
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(manifest);
        }
        catch (JsonException e)
        {
            return [new ManifestProblem(ManifestFile, $"is not JSON: {e.Message}")];
        }
        problems.AddRange(OfficialSchemas.ValidateTeams(manifest));
        if (spanish is not null)
            problems.AddRange(OfficialSchemas.ValidateTeamsLocalization(spanish, SpanishFile));
        if (root is not JsonObject app)
            return problems;

        if ((string?)app["manifestVersion"] != OfficialSchemas.TeamsManifestVersion)
            problems.Add(new ManifestProblem("$.manifestVersion", $"must be {OfficialSchemas.TeamsManifestVersion}, the schema line ChatCrm validates against."));
        RequireGuid(app["id"], "$.id", problems);
        CheckBots(app, problems);
        CheckDomains(app, baseHost, problems);
        CheckIcon(app, "color", ColorIconFile, colorIcon, ColorIconSize, outline: false, problems);
        CheckIcon(app, "outline", OutlineIconFile, outlineIcon, OutlineIconSize, outline: true, problems);
        return problems;
    }

    private static Dictionary<string, string> Values(TeamsPackageOptions options, List<ManifestProblem> problems, out string baseHost)
    {
        baseHost = string.Empty;
        var appId = Guid.TryParse(options.AppId, out var app) ? app.ToString("D") : null;
        if (appId is null)
            problems.Add(new ManifestProblem("--app-id", $"'{options.AppId}' is not a GUID: use the Microsoft App ID of the Azure Bot (MicrosoftAppId)."));
        var botId = string.IsNullOrWhiteSpace(options.BotId) ? appId : Guid.TryParse(options.BotId, out var bot) ? bot.ToString("D") : null;
        if (botId is null && !string.IsNullOrWhiteSpace(options.BotId))
            problems.Add(new ManifestProblem("--bot-id", $"'{options.BotId}' is not a GUID."));
        var baseUrl = ManifestBaseUrl.Parse(options.BaseUrl, options.BaseUrlField, problems);
        var linkBase = options.LinkBaseUrl is null ? baseUrl : ManifestBaseUrl.Parse(options.LinkBaseUrl, options.LinkBaseUrlField, problems);
        if (!SemanticVersion().IsMatch(options.Version))
            problems.Add(new ManifestProblem("--version", $"'{options.Version}' is not a version such as 1.0.0."));
        if (appId is null || botId is null || baseUrl is null || linkBase is null)
            return [];

        baseHost = baseUrl.Host;
        var root = ManifestBaseUrl.Text(baseUrl);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AppId"] = appId,
            ["BotId"] = botId,
            ["BaseUrl"] = root,
            ["BaseHost"] = baseUrl.Host,
            ["LinkHost"] = linkBase.Host,
            ["Version"] = options.Version,
            ["ShortName"] = options.ShortName,
            ["FullName"] = options.FullName,
            ["DeveloperName"] = options.DeveloperName,
            ["WebsiteUrl"] = options.WebsiteUrl ?? root,
            ["PrivacyUrl"] = options.PrivacyUrl ?? root + "/privacy",
            ["TermsOfUseUrl"] = options.TermsOfUseUrl ?? root + "/terms",
        };
    }

    private static void CheckBots(JsonObject app, List<ManifestProblem> problems)
    {
        var bots = app["bots"] as JsonArray ?? [];
        for (var b = 0; b < bots.Count; b++)
        {
            RequireGuid(bots[b]?["botId"], $"$.bots[{b}].botId", problems);
            var lists = bots[b]?["commandLists"] as JsonArray ?? [];
            if (lists.Count > MaxCommandLists)
                problems.Add(new ManifestProblem($"$.bots[{b}].commandLists", $"has {lists.Count} lists; Teams allows {MaxCommandLists}."));
            var scopesSeen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var l = 0; l < lists.Count; l++)
            {
                var path = $"$.bots[{b}].commandLists[{l}]";
                var commands = lists[l]?["commands"] as JsonArray ?? [];
                if (commands.Count > MaxCommandsPerList)
                    problems.Add(new ManifestProblem($"{path}.commands", $"has {commands.Count} commands; Teams allows {MaxCommandsPerList} per list."));
                var titles = commands.Select(c => ((string?)c?["title"])?.Trim().ToLowerInvariant()).ToList();
                foreach (var duplicate in titles.GroupBy(t => t).Where(g => g.Key is not null && g.Count() > 1))
                    problems.Add(new ManifestProblem($"{path}.commands", $"lists the command '{duplicate.Key}' twice."));
                foreach (var scope in (lists[l]?["scopes"] as JsonArray ?? []).Select(s => (string?)s))
                {
                    if (scope is not null && !scopesSeen.Add(scope))
                        problems.Add(new ManifestProblem($"{path}.scopes", $"'{scope}' already has a command list."));
                }
            }
        }
        var extensions = app["composeExtensions"] as JsonArray ?? [];
        for (var e = 0; e < extensions.Count; e++)
            RequireGuid(extensions[e]?["botId"], $"$.composeExtensions[{e}].botId", problems);
    }

    private static void CheckDomains(JsonObject app, string? baseHost, List<ManifestProblem> problems)
    {
        var valid = (app["validDomains"] as JsonArray ?? []).Select(d => (string?)d).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrEmpty(baseHost) && !valid.Contains(baseHost))
            problems.Add(new ManifestProblem("$.validDomains", $"must contain the bot's host '{baseHost}'."));
        var extensions = app["composeExtensions"] as JsonArray ?? [];
        for (var e = 0; e < extensions.Count; e++)
        {
            var handlers = extensions[e]?["messageHandlers"] as JsonArray ?? [];
            for (var h = 0; h < handlers.Count; h++)
            {
                var domains = handlers[h]?["value"]?["domains"] as JsonArray ?? [];
                for (var d = 0; d < domains.Count; d++)
                {
                    var domain = (string?)domains[d];
                    if (domain is null || domain.Contains('/', StringComparison.Ordinal) || domain.Contains(':', StringComparison.Ordinal))
                        problems.Add(new ManifestProblem($"$.composeExtensions[{e}].messageHandlers[{h}].value.domains[{d}]", $"'{domain}' must be a bare host name, without scheme or path."));
                }
            }
        }
    }

    private static void CheckIcon(JsonObject app, string property, string file, byte[] bytes, int size, bool outline, List<ManifestProblem> problems)
    {
        var path = $"$.icons.{property}";
        if ((string?)app["icons"]?[property] != file)
            problems.Add(new ManifestProblem(path, $"must name '{file}', the file the package holds."));
        var image = PngImage.TryRead(bytes, out var problem);
        if (image is null)
        {
            problems.Add(new ManifestProblem($"{path} ({file})", problem!));
            return;
        }
        if (image.Width != size || image.Height != size)
            problems.Add(new ManifestProblem($"{path} ({file})", $"is {image.Width}×{image.Height} pixels; Teams requires {size}×{size}."));
        if (!outline)
            return;
        if (!image.HasAlpha)
        {
            problems.Add(new ManifestProblem($"{path} ({file})", "must have an alpha channel: the outline icon is white on transparent."));
            return;
        }
        var (coloured, visible) = (0, 0);
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var (r, g, b, a) = image.Pixel(x, y);
                if (a == 0)
                    continue;
                visible++;
                if (r != 255 || g != 255 || b != 255)
                    coloured++;
            }
        }
        if (coloured > 0)
            problems.Add(new ManifestProblem($"{path} ({file})", $"has {coloured} visible pixels that are not white; the outline icon is white on transparent."));
        if (visible == 0 || visible == image.Width * image.Height)
            problems.Add(new ManifestProblem($"{path} ({file})", "must be a white shape on a transparent background."));
    }

    private static void RequireGuid(JsonNode? node, string path, List<ManifestProblem> problems)
    {
        var value = node is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
        if (!Guid.TryParseExact(value, "D", out _))
            problems.Add(new ManifestProblem(path, $"'{value}' is not a GUID."));
    }

    private byte[] Zip(string manifest, string spanish)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, ManifestFile, Encoding.UTF8.GetBytes(manifest));
            Add(zip, SpanishFile, Encoding.UTF8.GetBytes(spanish));
            Add(zip, ColorIconFile, template.ColorIcon);
            Add(zip, OutlineIconFile, template.OutlineIcon);
        }
        return buffer.ToArray();
    }

    /// <summary>A fixed time on every entry: the same inputs give the same bytes.</summary>
    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = PackageTime;
        using var stream = entry.Open();
        stream.Write(content);
    }

    [GeneratedRegex(@"^\d{1,9}\.\d{1,9}\.\d{1,9}$")]
    private static partial Regex SemanticVersion();
}
