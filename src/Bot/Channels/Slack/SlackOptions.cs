using ChatCrm.Infrastructure.Persistence;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Channels.Slack;

/// <summary>
/// The <c>Slack</c> section. Secrets may also come from the conventional variables <c>SLACK_SIGNING_SECRET</c>,
/// <c>SLACK_BOT_TOKEN</c>, <c>SLACK_CLIENT_ID</c> and <c>SLACK_CLIENT_SECRET</c> (used when the section leaves them empty).
/// </summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    /// <summary>
    /// Maps the <c>/slack/*</c> endpoints. Off by default so a Teams-only deployment needs no Slack settings; on,
    /// the host refuses to start outside Development without a signing secret.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>The app's signing secret ("Basic Information" in the Slack app settings): proves a request came from Slack.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>
    /// The bot token (<c>xoxb-…</c>) of the one workspace the app is installed in. Workspaces installed through
    /// <c>/slack/install</c> use their own stored token instead; this one serves every other workspace.
    /// </summary>
    public string? BotToken { get; set; }

    /// <summary>
    /// The Slack workspaces (team ids <c>T…</c>) and Enterprise Grid organisations (<c>E…</c>) whose members may be linked
    /// to a ChatCrm user by the e-mail <c>users.info</c> reports — and then only full members (no guests, external people
    /// or bots) at a company domain (<c>Directory:AllowedEmailDomains</c>). Empty: no Slack account is linked by e-mail,
    /// in any environment (an admin links accounts by hand with <c>admin map slack</c>); the start-up log and
    /// <c>admin status</c> say so.
    /// </summary>
    public IList<string> AllowedWorkspaces { get; init; } = [];

    /// <summary>The allowed workspaces, blank entries (a setting cleared by an empty value) left out.</summary>
    public IReadOnlyCollection<string> LinkableWorkspaces => [.. AllowedWorkspaces.Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w.Trim())];

    /// <summary>The app's client id and secret ("Basic Information"): needed for the multi-workspace OAuth install.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>
    /// The public address of <c>/slack/oauth/callback</c>, exactly as listed under the app's redirect URLs
    /// (e.g. <c>https://crm.example.com/slack/oauth/callback</c>). Configured, never guessed from the request.
    /// </summary>
    public Uri? OAuthRedirectUrl { get; set; }

    /// <summary>Slack's authorization page the install redirects to.</summary>
    public Uri OAuthAuthorizeUrl { get; set; } = new("https://slack.com/oauth/v2/authorize");

    /// <summary>The bot scopes an install asks for (the manifest's <c>oauth_config.scopes.bot</c>).</summary>
    public IList<string> BotScopes { get; init; } =
        ["commands", "chat:write", "app_mentions:read", "im:history", "im:write", "users:read", "users:read.email"];

    /// <summary>
    /// How long a single-use install link (<c>admin slack install-link</c>) works: <c>/slack/install</c> starts nothing
    /// without one. One hour by default, at most 24 hours.
    /// </summary>
    public TimeSpan InstallLinkLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long an install started at <c>/slack/install</c> may take before its <c>state</c> is refused.</summary>
    public TimeSpan InstallStateLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>True when the OAuth install can run: client id, secret and redirect URL are all set.</summary>
    public bool CanInstall => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret) && OAuthRedirectUrl is not null;

    /// <summary>
    /// With token rotation, a bot token is refreshed when it has less than this left (Slack's tokens live 12 hours), so
    /// a call never starts with a token about to expire.
    /// </summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Where the Web API lives; tests point it at a local fake.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>
    /// Hosts a <c>response_url</c> may point at. It comes inside a signed request, but is still checked so that a
    /// leaked signing secret cannot turn the bot into a proxy. Loopback is allowed too in Development.
    /// </summary>
    public IList<string> AllowedResponseUrlHosts { get; init; } = ["hooks.slack.com"];

    /// <summary>How far a request's timestamp may be from now before it is refused as a replay.</summary>
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a request may wait for the database before it is acknowledged anyway (Slack allows 3 seconds, and the
    /// network takes its share). Storing the work normally takes milliseconds; past this budget the write finishes in the
    /// background (see docs/scaling.md for what that risks). Between 0.1 and 2.5 seconds.
    /// </summary>
    public TimeSpan AckBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Largest request body accepted, in bytes (modal submissions are the largest Slack sends).</summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;
}

/// <summary>Fills the secrets from the conventional <c>SLACK_*</c> variables when the <c>Slack</c> section leaves them empty.</summary>
internal sealed class SlackEnvironmentSecrets(IConfiguration configuration) : IPostConfigureOptions<SlackOptions>
{
    public void PostConfigure(string? name, SlackOptions options)
    {
        options.SigningSecret = Pick(options.SigningSecret, "SLACK_SIGNING_SECRET");
        options.BotToken = Pick(options.BotToken, "SLACK_BOT_TOKEN");
        options.ClientId = Pick(options.ClientId, "SLACK_CLIENT_ID");
        options.ClientSecret = Pick(options.ClientSecret, "SLACK_CLIENT_SECRET");
    }

    private string? Pick(string? configured, string variable) =>
        string.IsNullOrWhiteSpace(configured) ? NullIfBlank(configuration[variable]) : configured.Trim();

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Fails closed: with Slack enabled outside Development, no signing secret means no start.</summary>
internal sealed class SlackOptionsValidation(IHostEnvironment environment) : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        if (options.AckBudget < TimeSpan.FromMilliseconds(100) || options.AckBudget > TimeSpan.FromSeconds(2.5))
            return ValidateOptionsResult.Fail("Slack:AckBudget must be between 00:00:00.100 and 00:00:02.500: Slack wants its answer within 3 seconds.");
        if (options.InstallLinkLifetime <= TimeSpan.Zero || options.InstallLinkLifetime > SlackInstallLinkRecord.MaxLifetime)
            return ValidateOptionsResult.Fail("Slack:InstallLinkLifetime must be more than zero and at most 24:00:00: whoever holds the link can install ChatCrm.");
        if (options.LinkableWorkspaces.FirstOrDefault(w => !IsWorkspaceId(w)) is { } wrong)
            return ValidateOptionsResult.Fail(
                $"Slack:AllowedWorkspaces has \"{wrong}\", which is no Slack team id (T…) or Enterprise Grid id (E…): upper-case letters and digits.");
        if (!options.Enabled || !string.IsNullOrWhiteSpace(options.SigningSecret) || environment.IsDevelopment())
            return ValidateOptionsResult.Success;
        return ValidateOptionsResult.Fail(
            "Slack is enabled but no signing secret is configured: set Slack:SigningSecret or SLACK_SIGNING_SECRET, or Slack:Enabled=false.");
    }

    private static bool IsWorkspaceId(string? id) =>
        id is { Length: >= 3 and <= 32 } && id[0] is 'T' or 'E' && id.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c));
}
