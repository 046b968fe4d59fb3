namespace ChatCrm.Bot.Manifests;

/// <summary>
/// What differs between two installations of the Teams app: the Entra app (bot) id, the public address and the
/// names. Everything else comes from <c>manifests/teams/manifest.template.json</c>.
/// </summary>
public sealed record TeamsPackageOptions
{
    /// <summary>The Teams app id (a GUID); usually the bot's Microsoft App ID (<c>MicrosoftAppId</c>).</summary>
    public string? AppId { get; init; }

    /// <summary>The Azure Bot's Microsoft App ID; the app id when not given.</summary>
    public string? BotId { get; init; }

    /// <summary>The public https address of the bot (<c>https://crm.example.com</c>).</summary>
    public string? BaseUrl { get; init; }

    /// <summary>
    /// Where customer links live (<c>Privacy:PublicBaseUrl</c>): its host is the link-unfurling domain. The base URL
    /// when not given.
    /// </summary>
    public string? LinkBaseUrl { get; init; }

    /// <summary>What a problem with <see cref="BaseUrl"/> names: the option, or the setting the value came from.</summary>
    public string BaseUrlField { get; init; } = "--base-url";

    /// <summary>What a problem with <see cref="LinkBaseUrl"/> names: the option, or the setting the value came from.</summary>
    public string LinkBaseUrlField { get; init; } = "--link-base-url";

    /// <summary>The package version (x.y.z); Teams only accepts an update with a higher one.</summary>
    public string Version { get; init; } = "1.0.0";

    public string ShortName { get; init; } = "ChatCrm";

    public string FullName { get; init; } = "ChatCrm, the conversational CRM";

    public string DeveloperName { get; init; } = "ChatCrm";

    /// <summary>The developer's pages; the base URL (and its /privacy and /terms paths) when not given.</summary>
    public string? WebsiteUrl { get; init; }

    public string? PrivacyUrl { get; init; }

    public string? TermsOfUseUrl { get; init; }
}

/// <summary>The built package: the manifest as written into it, and the zip (manifest, localization and icons at its root).</summary>
public sealed record TeamsPackage(string Manifest, byte[] Zip);

/// <summary>The template and icons a package is built from; the embedded ones unless a test brings its own.</summary>
public sealed record TeamsAppTemplate(string Manifest, string Spanish, byte[] ColorIcon, byte[] OutlineIcon)
{
    public static TeamsAppTemplate Embedded() => new(
        ManifestResources.Text("teams.manifest.template.json"),
        ManifestResources.Text("teams.es.json"),
        ManifestResources.Bytes("teams.color.png"),
        ManifestResources.Bytes("teams.outline.png"));
}
