using System.CommandLine;
using ChatCrm.Bot.Manifests;

namespace ChatCrm.Bot.Cli;

/// <summary>
/// <c>manifest teams --app-id &lt;guid&gt; --base-url https://… --out chatcrm-teams.zip</c> writes the Teams app package;
/// <c>manifest slack --base-url https://… [--out manifest.yaml]</c> prints (or writes) the Slack app manifest. Both
/// validate what they produce against the official schemas and refuse an invalid artefact: nothing is written, each
/// problem is printed with its field, and the exit code is 1. The app id defaults to <c>MicrosoftAppId</c> and the base
/// URL to <c>Privacy:PublicBaseUrl</c>, so a configured bot needs no arguments; an option given always wins over the
/// configuration (the Development profile's http <c>Privacy:PublicBaseUrl</c> included), and a problem with a value
/// taken from the configuration names the setting it came from.
/// </summary>
public static class ManifestCommand
{
    public const int Refused = 1;

    private const string PublicBaseUrlSetting = "Privacy:PublicBaseUrl";

    public static Command Create(Func<IConfiguration> configuration, TextWriter? output = null, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var command = new Command("manifest", "Build the Teams app package or the Slack app manifest, validated against the official schemas.")
        {
            Teams(configuration, output, error),
            Slack(configuration, output, error),
        };
        return command;
    }

    private static Command Teams(Func<IConfiguration> configuration, TextWriter? output, TextWriter? error)
    {
        var appId = new Option<string?>("--app-id") { Description = "The Teams app id: the Azure Bot's Microsoft App ID (default: MicrosoftAppId)." };
        var botId = new Option<string?>("--bot-id") { Description = "The bot's Microsoft App ID when it differs from the app id." };
        var baseUrl = new Option<string?>("--base-url") { Description = "The bot's public https address (default: Privacy:PublicBaseUrl)." };
        var linkBaseUrl = new Option<string?>("--link-base-url")
        {
            Description = "Where customer links live, for link unfurling (default: --base-url when given, else Privacy:PublicBaseUrl).",
        };
        var version = new Option<string>("--version") { Description = "The package version; raise it for every update.", DefaultValueFactory = _ => "1.0.0" };
        var name = new Option<string>("--name") { Description = "The app's short name (30 characters at most).", DefaultValueFactory = _ => "ChatCrm" };
        var developer = new Option<string>("--developer") { Description = "The publisher's name shown in Teams.", DefaultValueFactory = _ => "ChatCrm" };
        var privacyUrl = new Option<string?>("--privacy-url") { Description = "Your privacy statement (default: <base-url>/privacy)." };
        var termsUrl = new Option<string?>("--terms-url") { Description = "Your terms of use (default: <base-url>/terms)." };
        var outFile = new Option<FileInfo>("--out") { Description = "Where to write the zip.", DefaultValueFactory = _ => new FileInfo("chatcrm-teams.zip") };
        var command = new Command("teams", "Write the Teams app package (manifest.json, es.json and both icons in one zip).")
        {
            appId, botId, baseUrl, linkBaseUrl, version, name, developer, privacyUrl, termsUrl, outFile,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = configuration();
            var configuredBase = Blank(settings[PublicBaseUrlSetting]);
            var givenBase = parse.GetValue(baseUrl);
            var givenLink = parse.GetValue(linkBaseUrl);
            var options = new TeamsPackageOptions
            {
                AppId = parse.GetValue(appId) ?? Blank(settings["MicrosoftAppId"]),
                BotId = parse.GetValue(botId),
                BaseUrl = givenBase ?? configuredBase,
                BaseUrlField = givenBase is null && configuredBase is not null ? PublicBaseUrlSetting : "--base-url",
                // An explicit --base-url is the link base too unless --link-base-url says otherwise.
                LinkBaseUrl = givenLink ?? (givenBase is null ? configuredBase : null),
                LinkBaseUrlField = givenLink is null ? PublicBaseUrlSetting : "--link-base-url",
                Version = parse.GetValue(version)!,
                ShortName = parse.GetValue(name)!,
                DeveloperName = parse.GetValue(developer)!,
                PrivacyUrl = parse.GetValue(privacyUrl),
                TermsOfUseUrl = parse.GetValue(termsUrl),
            };
            var build = new TeamsPackageBuilder().Build(options);
            if (!build.IsValid)
                return await RefuseAsync("teams", build.Problems, error ?? Console.Error);
            var file = parse.GetValue(outFile)!;
            await WriteAtomicallyAsync(file, build.Artefact!.Zip, cancellationToken);
            await (output ?? Console.Out).WriteLineAsync($"Wrote {file.FullName}: Teams manifest v{OfficialSchemas.TeamsManifestVersion}, valid against the official schema.");
            return 0;
        });
        return command;
    }

    private static Command Slack(Func<IConfiguration> configuration, TextWriter? output, TextWriter? error)
    {
        var baseUrl = new Option<string?>("--base-url") { Description = "The bot's public https address (default: Privacy:PublicBaseUrl)." };
        var name = new Option<string>("--name") { Description = "The app's and bot user's name (35 characters at most).", DefaultValueFactory = _ => "ChatCrm" };
        var rotation = new Option<bool>("--token-rotation") { Description = "Turn on token rotation (needs the OAuth install at /slack/install; Slack cannot turn it off again)." };
        var orgDeploy = new Option<bool>("--org-deploy") { Description = "Allow an Enterprise Grid organisation-wide install." };
        var outFile = new Option<FileInfo?>("--out") { Description = "Where to write the YAML; printed to standard output without it." };
        var command = new Command("slack", "Print the Slack app manifest (YAML) to create the app from.") { baseUrl, name, rotation, orgDeploy, outFile };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var givenBase = parse.GetValue(baseUrl);
            var configuredBase = Blank(configuration()[PublicBaseUrlSetting]);
            var options = new SlackManifestOptions
            {
                BaseUrl = givenBase ?? configuredBase,
                BaseUrlField = givenBase is null && configuredBase is not null ? PublicBaseUrlSetting : "--base-url",
                Name = parse.GetValue(name)!,
                TokenRotation = parse.GetValue(rotation),
                OrgDeploy = parse.GetValue(orgDeploy),
            };
            var build = new SlackManifestBuilder().Build(options);
            if (!build.IsValid)
                return await RefuseAsync("slack", build.Problems, error ?? Console.Error);
            if (parse.GetValue(outFile) is { } file)
            {
                await WriteAtomicallyAsync(file, System.Text.Encoding.UTF8.GetBytes(build.Artefact!), cancellationToken);
                await (output ?? Console.Out).WriteLineAsync($"Wrote {file.FullName}: valid against Slack's manifest schema.");
            }
            else
            {
                await (output ?? Console.Out).WriteAsync(build.Artefact);
            }
            return 0;
        });
        return command;
    }

    private static async Task<int> RefuseAsync(string what, IReadOnlyList<ManifestProblem> problems, TextWriter error)
    {
        await error.WriteLineAsync($"manifest {what}: refused, nothing was written.");
        foreach (var problem in problems)
            await error.WriteLineAsync($"  {problem}");
        return Refused;
    }

    /// <summary>Written beside the target and moved into place, so a failure never leaves half a file.</summary>
    private static async Task WriteAtomicallyAsync(FileInfo file, byte[] content, CancellationToken cancellationToken)
    {
        file.Directory?.Create();
        var temporary = file.FullName + ".partial";
        await File.WriteAllBytesAsync(temporary, content, cancellationToken);
        File.Move(temporary, file.FullName, overwrite: true);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
