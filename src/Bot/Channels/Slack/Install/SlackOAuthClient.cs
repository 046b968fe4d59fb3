using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Channels.Slack.Install;

/// <summary>What <c>oauth.v2.access</c> granted for one workspace (tokens in the clear: encrypt before storing).</summary>
public sealed record SlackOAuthGrant(
    string TeamId, string? TeamName, string? EnterpriseId, bool IsEnterpriseInstall, string? AppId, string? BotUserId,
    string? Scopes, string BotToken, string? RefreshToken, TimeSpan? ExpiresIn);

/// <summary>
/// Exchanges an install's authorization code for the workspace's bot token with <c>oauth.v2.access</c>, the client
/// id and secret in Basic auth. Not retried: a code is good for one exchange only. Only Slack's error code is logged.
/// </summary>
public sealed partial class SlackOAuthClient(HttpClient http, IOptions<SlackOptions> options, ILogger<SlackOAuthClient> logger)
{
    /// <summary>The grant, or null with Slack's error code (or why the answer was unusable).</summary>
    public Task<(SlackOAuthGrant? Grant, string? Error)> ExchangeAsync(string code, CancellationToken cancellationToken) =>
        PostAsync(new Dictionary<string, string> { ["code"] = code, ["redirect_uri"] = options.Value.OAuthRedirectUrl!.AbsoluteUri }, cancellationToken);

    /// <summary>Token rotation: a new bot token (and refresh token) for an expiring one (<c>grant_type=refresh_token</c>).</summary>
    public Task<(SlackOAuthGrant? Grant, string? Error)> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        PostAsync(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken }, cancellationToken);

    private async Task<(SlackOAuthGrant? Grant, string? Error)> PostAsync(Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.ApiBaseUrl, "oauth.v2.access"))
        {
            Content = new FormUrlEncodedContent(form),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.ClientId}:{settings.ClientSecret}")));
        JsonObject? answer;
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
                return Failed($"http_{(int)response.StatusCode}");
            answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject;
        }
        catch (Exception failure) when (failure is HttpRequestException or JsonException
            || (failure is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Failed(failure is JsonException ? "unreadable_answer" : "unreachable");
        }
        if (answer is null || answer["ok"]?.GetValueKind() != JsonValueKind.True)
            return Failed((string?)answer?["error"] ?? "unknown_error");

        var botToken = Text(answer, "access_token");
        var teamId = Text(answer["team"], "id");
        var isEnterprise = answer["is_enterprise_install"]?.GetValueKind() == JsonValueKind.True;
        var enterpriseId = Text(answer["enterprise"], "id");
        if (botToken is null || (teamId is null && !isEnterprise) || (isEnterprise && enterpriseId is null))
            return Failed("no_bot_token_or_team");
        var expiresIn = answer["expires_in"] is JsonValue seconds && seconds.TryGetValue<long>(out var s) && s > 0 ? TimeSpan.FromSeconds(s) : (TimeSpan?)null;
        return (new SlackOAuthGrant(teamId ?? string.Empty, Text(answer["team"], "name") ?? Text(answer["enterprise"], "name"), enterpriseId, isEnterprise,
            Text(answer, "app_id"), Text(answer, "bot_user_id"), Text(answer, "scope"), botToken, Text(answer, "refresh_token"), expiresIn), null);
    }

    private (SlackOAuthGrant?, string?) Failed(string error)
    {
        LogFailed(logger, error);
        return (null, error);
    }

    private static string? Text(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack oauth.v2.access failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}
