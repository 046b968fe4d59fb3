using System.Text.Encodings.Web;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Channels.Slack.Install;

/// <summary>
/// The multi-workspace install (OAuth v2): <c>GET /slack/install?link=…</c>, given a single-use install link an admin
/// issued (<see cref="SlackInstallLinks"/>; without one: 403 and nothing started), sends the browser to Slack's
/// authorization page with our scopes and a fresh <see cref="InstallState"/> carrying the link; <c>GET /slack/oauth/callback</c> checks the state, exchanges
/// the code for the workspace's bot token and stores it encrypted — spending the link first, so it installs once. Both answer a person in a browser, so they answer
/// with a short plain page; the details of a failure go to the log only.
/// </summary>
public static partial class SlackInstallEndpoints
{
    public static IEndpointRouteBuilder MapSlackInstallEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var slack = endpoints.MapGroup("/slack");
        slack.MapGet("/install", InstallAsync);
        slack.MapGet("/oauth/callback", CallbackAsync);
        return endpoints;
    }

    private static async Task<IResult> InstallAsync(HttpContext http, IOptions<SlackOptions> options, InstallState states, SlackInstallLinks links,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.CanInstall)
            return Page(StatusCodes.Status503ServiceUnavailable, "Slack install is not set up",
                "This ChatCrm has no Slack client id, client secret and redirect URL configured.");
        var check = await links.CheckAsync(http.Request.Query[SlackInstallLinks.QueryName], cancellationToken);
        if (check.Link is null)
        {
            LogRefused(loggers.CreateLogger(typeof(SlackInstallEndpoints)), check.Refusal ?? "no install link");
            return NoLinkPage();
        }
        var (state, nonce) = states.Issue(check.Link.Id);
        http.Response.Cookies.Append(InstallState.CookieName, nonce, new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            // Lax: the cookie must come back on Slack's top-level redirect to the callback.
            SameSite = SameSiteMode.Lax,
            Path = "/slack/oauth",
            MaxAge = settings.InstallStateLifetime,
        });
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["client_id"] = settings.ClientId,
            ["scope"] = string.Join(',', settings.BotScopes.Distinct(StringComparer.Ordinal)),
            ["redirect_uri"] = settings.OAuthRedirectUrl!.AbsoluteUri,
            ["state"] = state,
        });
        return Results.Redirect(settings.OAuthAuthorizeUrl.GetLeftPart(UriPartial.Path) + query.ToUriComponent());
    }

    private static async Task<IResult> CallbackAsync(
        HttpContext http, IOptions<SlackOptions> options, InstallState states, SlackInstallLinks links, SlackOAuthClient oauth, SlackBotTokens tokens,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(SlackInstallEndpoints));
        if (!options.Value.CanInstall)
            return Page(StatusCodes.Status503ServiceUnavailable, "Slack install is not set up",
                "This ChatCrm has no Slack client id, client secret and redirect URL configured.");
        var query = http.Request.Query;
        var (linkId, refusal) = states.Check(query["state"], http.Request.Cookies[InstallState.CookieName]);
        http.Response.Cookies.Delete(InstallState.CookieName, new CookieOptions { Path = "/slack/oauth" });
        if (refusal is not null)
        {
            LogRefused(logger, refusal);
            return Page(StatusCodes.Status400BadRequest, "Install link not valid",
                "This install link has expired or was not started in this browser. Open your install link again.");
        }
        if (!string.IsNullOrEmpty(query["error"]) || string.IsNullOrEmpty(query["code"]))
        {
            LogRefused(logger, "the install was cancelled in Slack or no code came back");
            return Page(StatusCodes.Status400BadRequest, "Install cancelled", "ChatCrm was not installed. Ask a ChatCrm admin for a new install link.");
        }

        var spent = await links.SpendAsync(linkId, cancellationToken);
        if (spent.Link is null)
        {
            LogRefused(logger, spent.Refusal ?? "install link unknown");
            return NoLinkPage();
        }

        var (grant, error) = await oauth.ExchangeAsync(query["code"]!, cancellationToken);
        if (grant is null)
            return Page(StatusCodes.Status502BadGateway, "Install failed", $"Slack did not grant the install ({error}). Ask a ChatCrm admin for a new install link.");
        await tokens.StoreAsync(grant, cancellationToken);
        await links.InstalledAsync(spent.Link, grant.TeamId, cancellationToken);
        return Page(StatusCodes.Status200OK, "ChatCrm is installed",
            $"ChatCrm is now installed in {grant.TeamName ?? grant.TeamId}. Type /crm help in Slack to start.");
    }

    /// <summary>403, and nothing started: no install link, or one unknown, used or expired.</summary>
    private static IResult NoLinkPage() => Page(StatusCodes.Status403Forbidden, "Install link needed",
        "Installing ChatCrm into a Slack workspace needs a single-use install link from a ChatCrm admin (admin slack install-link). "
        + "This one is missing, was already used or has expired.");

    /// <summary>A minimal HTML page; every text is encoded (the workspace name comes from Slack).</summary>
    private static IResult Page(int status, string title, string message)
    {
        var html = HtmlEncoder.Default;
        return Results.Content(
            $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.Encode(title)}</title></head>"
            + $"<body><h1>{html.Encode(title)}</h1><p>{html.Encode(message)}</p></body></html>",
            "text/html; charset=utf-8", statusCode: status);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack install callback refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
