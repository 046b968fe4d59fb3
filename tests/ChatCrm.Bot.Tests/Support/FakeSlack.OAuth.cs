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

    private readonly ConcurrentDictionary<string, (string TeamId, string TeamName, string Token, bool Enterprise, int? ExpiresIn)> _codes = new();
    private readonly ConcurrentDictionary<string, (string TeamId, bool Enterprise, int ExpiresIn)> _refreshTokens = new();
    private int _rotations;
    private readonly ConcurrentDictionary<string, string> _grantedTokens = new();
    private readonly ConcurrentQueue<OAuthExchange> _exchanges = new();

    /// <summary>Every <c>oauth.v2.access</c> call, as received.</summary>
    public IReadOnlyList<OAuthExchange> Exchanges => _exchanges.ToArray();

    /// <summary>A code Slack would hand the browser after the workspace approved; it grants <paramref name="token"/> once.</summary>
    /// <param name="expiresIn">Seconds: the app has token rotation on, and the grant carries a refresh token.</param>
    public string IssueCode(string teamId, string teamName, string token, bool enterpriseInstall = false, int? expiresIn = null)
    {
        var code = $"code-{Guid.NewGuid():N}";
        _codes[code] = (teamId, teamName, token, enterpriseInstall, expiresIn);
        return code;
    }

    /// <summary>Bot tokens granted by rotation, in order.</summary>
    public IReadOnlyList<string> RotatedTokens => [.. _rotated];

    private readonly ConcurrentQueue<string> _rotated = new();

    private async Task<IResult> OAuthAccessAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync();
        var authorization = http.Request.Headers.Authorization.ToString();
        var credentials = authorization.StartsWith("Basic ", StringComparison.Ordinal)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..]))
            : string.Empty;
        var exchange = new OAuthExchange(credentials, form["code"].ToString(), form["redirect_uri"].ToString())
        {
            GrantType = form["grant_type"].ToString(),
            RefreshToken = form["refresh_token"].ToString(),
        };
        _exchanges.Enqueue(exchange);
        if (credentials != $"{ClientId}:{ClientSecret}")
            return Results.Json(new { ok = false, error = "invalid_client_id" });
        if (exchange.GrantType == "refresh_token")
            return Refresh(exchange.RefreshToken);
        if (exchange.RedirectUri != RedirectUrl)
            return Results.Json(new { ok = false, error = "bad_redirect_uri" });
        if (!_codes.TryRemove(exchange.Code, out var grant))
            return Results.Json(new { ok = false, error = "invalid_code" });
        _grantedTokens[grant.Token] = grant.TeamId;
        string? refresh = null;
        if (grant.ExpiresIn is { } seconds)
        {
            refresh = $"xoxe-1-{Guid.NewGuid():N}";
            _refreshTokens[refresh] = (grant.TeamId, grant.Enterprise, seconds);
        }
        return Grant(grant.TeamId, grant.TeamName, grant.Enterprise, grant.Token, refresh, grant.ExpiresIn);
    }

    /// <summary>Token rotation: a known refresh token buys a new bot token and a new refresh token (the old one is spent).</summary>
    private IResult Refresh(string refreshToken)
    {
        if (!_refreshTokens.TryRemove(refreshToken, out var known))
            return Results.Json(new { ok = false, error = "invalid_refresh_token" });
        var token = $"xoxe.xoxb-rotated-{Interlocked.Increment(ref _rotations)}";
        _grantedTokens[token] = known.TeamId;
        _rotated.Enqueue(token);
        var next = $"xoxe-1-{Guid.NewGuid():N}";
        _refreshTokens[next] = known;
        return Grant(known.TeamId, known.TeamId, known.Enterprise, token, next, known.ExpiresIn);
    }

    private static IResult Grant(string teamId, string teamName, bool enterprise, string token, string? refresh, int? expiresIn) => Results.Json(new
    {
        ok = true,
        access_token = token,
        token_type = "bot",
        scope = "commands,chat:write",
        bot_user_id = "U0BOT" + teamId,
        app_id = "A0CRM",
        team = enterprise ? null : new { id = teamId, name = teamName },
        enterprise = enterprise ? new { id = "E0GRID", name = "Grid" } : null,
        is_enterprise_install = enterprise,
        authed_user = new { id = "U0ADMIN" },
        refresh_token = refresh,
        expires_in = expiresIn,
    });
}

/// <summary>One <c>oauth.v2.access</c> call: the Basic credentials ("id:secret"), the code and the redirect URI.</summary>
public sealed record OAuthExchange(string Credentials, string Code, string RedirectUri)
{
    /// <summary>"refresh_token" for a token rotation (then <see cref="RefreshToken"/> is the one spent); empty for an install.</summary>
    public string GrantType { get; init; } = string.Empty;

    public string RefreshToken { get; init; } = string.Empty;
}
