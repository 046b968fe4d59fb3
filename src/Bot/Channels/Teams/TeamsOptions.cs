namespace ChatCrm.Bot.Channels.Teams;

/// <summary>The <c>Teams</c> section.</summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Teams";

    /// <summary>
    /// Lets <c>/api/messages</c> accept calls without a Bot Framework token when no app id is configured — for
    /// local tools such as the Microsoft 365 Agents Playground. Honoured in the Development environment only.
    /// </summary>
    public bool DangerouslyAllowUnauthenticatedRequests { get; set; }

    /// <summary>Where the Bot Framework publishes its token signing keys.</summary>
    public Uri OpenIdMetadataUrl { get; set; } = new("https://login.botframework.com/v1/.well-known/openidconfiguration");

    /// <summary>The issuer of Bot Framework channel tokens.</summary>
    public string TokenIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>
    /// Hosts a reply may be sent to (an activity's <c>serviceUrl</c>). Anything else is refused, so a forged
    /// activity cannot make the bot post its token to a stranger. Configured hosts are added to these defaults.
    /// In Development, loopback hosts are allowed too.
    /// </summary>
    public IList<string> AllowedServiceUrlHosts { get; init; } =
        ["smba.trafficmanager.net", "smba.infra.gcc.teams.microsoft.com", "smba.infra.gov.teams.microsoft.us"];

    /// <summary>Largest request body accepted, in bytes.</summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;
}
