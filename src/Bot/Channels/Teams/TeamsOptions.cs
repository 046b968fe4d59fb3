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
    /// Where Microsoft Entra publishes the keys of emulator-style tokens (v1 <c>sts.windows.net</c> and v2
    /// <c>login.microsoftonline.com</c> issuers); configurable so tests run their own issuer.
    /// </summary>
    public Uri EntraOpenIdMetadataUrl { get; set; } = new("https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration");

    /// <summary>
    /// The Entra tenants whose emulator-style tokens are trusted: the Bot Framework's own tenants. A SingleTenant
    /// or UserAssignedMSI bot also trusts its <c>MicrosoftAppTenantId</c>. Configured tenants are added to these.
    /// </summary>
    public IList<string> EntraTokenTenants { get; init; } =
        ["d6d49420-f39b-4df7-a1dc-d59a935871db", "f8cdef31-a31e-4b4a-93e4-5f571e91255a"];

    /// <summary>
    /// Hosts a reply may be sent to (an activity's <c>serviceUrl</c>). Anything else is refused, so a forged
    /// activity cannot make the bot post its token to a stranger. Configured hosts are added to these defaults.
    /// In Development, loopback hosts are allowed too.
    /// </summary>
    public IList<string> AllowedServiceUrlHosts { get; init; } =
        ["smba.trafficmanager.net", "smba.infra.gcc.teams.microsoft.com", "smba.infra.gov.teams.microsoft.us"];

    /// <summary>
    /// The Entra tenants whose Teams activities are served (<c>conversation.tenantId</c> / <c>channelData.tenant.id</c>);
    /// others get 403. Empty: the bot's own tenant for a SingleTenant or UserAssignedMsi bot; a MultiTenant bot must
    /// list its tenants outside Development, or say <c>any</c> to serve every tenant. See <see cref="ActivityOrigin"/>.
    /// </summary>
    public IList<string> AllowedTenants { get; init; } = [];

    /// <summary>Largest request body accepted, in bytes.</summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;
}
