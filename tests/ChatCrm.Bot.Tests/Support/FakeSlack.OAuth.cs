using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ChatCrm.Bot.Tests.Support;

/// <summary>
/// Slack's side of the OAuth v2 install: <c>oauth.v2.access</c> grants a workspace's bot token for a code the test
/// issued, and only when the client id and secret (Basic auth), the code and the redirect URI are all right.
/// </summary>
public sealed partial class FakeSlack
{
    public const string ClientId = "1111.2222";
    public const string ClientSecret = "fake-client-secret";
    public const string RedirectUrl = "https://crm.example.com/slack/oauth/callback";

    private readonly ConcurrentDictionary<string, (string TeamId, string TeamName, string Token, bool Enterprise)> _codes = new();
    private readonly ConcurrentDictionary<string, string> _grantedTokens = new();
    private readonly ConcurrentQueue<OAuthExchange> _exchanges = new();

    /// <summary>Every <c>oauth.v2.access</c> call, as received.</summary>
    public IReadOnlyList<OAuthExchange> Exchanges => _exchanges.ToArray();

    /// <summary>A code Slack would hand the browser after the workspace approved; it grants <paramref name="token"/> once.</summary>
    public string IssueCode(string teamId, string teamName, string token, bool enterpriseInstall = false)
    {
        var code = $"code-{Guid.NewGuid():N}";
        _codes[code] = (teamId, teamName, token, enterpriseInstall);
        return code;
    }

    private async Task<IResult> OAuthAccessAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync();
        var authorization = http.Request.Headers.Authorization.ToString();
        var credentials = authorization.StartsWith("Basic ", StringComparison.Ordinal)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..]))
            : string.Empty;
        var exchange = new OAuthExchange(credentials, form["code"].ToString(), form["redirect_uri"].ToString());
        _exchanges.Enqueue(exchange);
        if (credentials != $"{ClientId}:{ClientSecret}")
            return Results.Json(new { ok = false, error = "invalid_client_id" });
        if (exchange.RedirectUri != RedirectUrl)
            return Results.Json(new { ok = false, error = "bad_redirect_uri" });
        if (!_codes.TryRemove(exchange.Code, out var grant))
            return Results.Json(new { ok = false, error = "invalid_code" });
        _grantedTokens[grant.Token] = grant.TeamId;
        return Results.Json(new
        {
            ok = true,
            access_token = grant.Token,
            token_type = "bot",
            scope = "commands,chat:write",
            bot_user_id = "U0BOT" + grant.TeamId,
            app_id = "A0CRM",
            team = grant.Enterprise ? null : new { id = grant.TeamId, name = grant.TeamName },
            enterprise = grant.Enterprise ? new { id = "E0GRID", name = "Grid" } : null,
            is_enterprise_install = grant.Enterprise,
            authed_user = new { id = "U0ADMIN" },
        });
    }
}

/// <summary>One <c>oauth.v2.access</c> call: the Basic credentials ("id:secret"), the code and the redirect URI.</summary>
public sealed record OAuthExchange(string Credentials, string Code, string RedirectUri);
