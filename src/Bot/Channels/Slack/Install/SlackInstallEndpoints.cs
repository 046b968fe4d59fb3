using System.Text.Encodings.Web;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Channels.Slack.Install;

/// <summary>
/// The multi-workspace install (OAuth v2): <c>GET /slack/install</c> sends the browser to Slack's authorization page
/// with our scopes and a fresh <see cref="InstallState"/>; <c>GET /slack/oauth/callback</c> checks the state, exchanges
/// the code for the workspace's bot token and stores it encrypted. Both answer a person in a browser, so they answer
/// with a short plain page; the details of a failure go to the log only.
/// </summary>
public static partial class SlackInstallEndpoints
{
    public static IEndpointRouteBuilder MapSlackInstallEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var slack = endpoints.MapGroup("/slack");
        slack.MapGet("/install", Install);
        slack.MapGet("/oauth/callback", CallbackAsync);
        return endpoints;
    }

    private static IResult Install(HttpContext http, IOptions<SlackOptions> options, InstallState states)
    {
        var settings = options.Value;
        if (!settings.CanInstall)
            return Page(StatusCodes.Status503ServiceUnavailable, "Slack install is not set up",
                "This ChatCrm has no Slack client id, client secret and redirect URL configured.");
        var (state, nonce) = states.Issue();
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
        HttpContext http, IOptions<SlackOptions> options, InstallState states, SlackOAuthClient oauth, SlackBotTokens tokens,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(SlackInstallEndpoints));
        if (!options.Value.CanInstall)
            return Page(StatusCodes.Status503ServiceUnavailable, "Slack install is not set up",
                "This ChatCrm has no Slack client id, client secret and redirect URL configured.");
        var query = http.Request.Query;
        var refusal = states.Check(query["state"], http.Request.Cookies[InstallState.CookieName]);
        http.Response.Cookies.Delete(InstallState.CookieName, new CookieOptions { Path = "/slack/oauth" });
        if (refusal is not null)
        {
            LogRefused(logger, refusal);
            return Page(StatusCodes.Status400BadRequest, "Install link not valid",
                "This install link has expired or was not started in this browser. Start again from /slack/install.");
        }
        if (!string.IsNullOrEmpty(query["error"]) || string.IsNullOrEmpty(query["code"]))
        {
            LogRefused(logger, "the install was cancelled in Slack or no code came back");
            return Page(StatusCodes.Status400BadRequest, "Install cancelled", "ChatCrm was not installed. You can start again from /slack/install.");
        }

        var (grant, error) = await oauth.ExchangeAsync(query["code"]!, cancellationToken);
        if (grant is null)
            return Page(StatusCodes.Status502BadGateway, "Install failed", $"Slack did not grant the install ({error}). Please try again.");
        await tokens.StoreAsync(grant, cancellationToken);
        return Page(StatusCodes.Status200OK, "ChatCrm is installed",
            $"ChatCrm is now installed in {grant.TeamName ?? grant.TeamId}. Type /crm help in Slack to start.");
    }

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
