using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Channels.Slack.BlockKit;
using ChatCrm.Bot.Channels.Slack.Install;
using ChatCrm.Bot.Conversations;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Channels.Slack.WebApi;

/// <summary>A Web API call that failed: Slack's error code (<c>ok:false</c>), or the HTTP status when there was no answer to read.</summary>
public sealed class SlackApiException(string method, string error, Exception? inner = null)
    : ReplyDeliveryException($"Slack {method} failed: {error}.", inner)
{
    public string Method { get; } = method;

    public string Error { get; } = error;
}

/// <summary>
/// What <c>users.info</c> says about a person: e-mail, locale and IANA time zone (<c>tz</c>) when shared; whether it is a
/// bot, deactivated, a guest (<c>is_restricted</c>, <c>is_ultra_restricted</c>) or from another organisation
/// (<c>is_stranger</c>); and its workspace (<c>team_id</c>) and Enterprise Grid organisation.
/// </summary>
public sealed record SlackUserInfo(string? Email, string? Locale, string? TimeZone = null)
{
    public bool IsBot { get; init; }

    public bool IsDeleted { get; init; }

    public bool IsGuest { get; init; }

    public bool IsStranger { get; init; }

    public string? TeamId { get; init; }

    public string? EnterpriseId { get; init; }
}

/// <summary>
/// The Slack Web API (<c>POST {ApiBaseUrl}{method}</c>, JSON, bot token as Bearer) and <c>response_url</c> replies.
/// Transient failures and 429 are retried by the resilience pipeline (see <see cref="SlackResilience"/>), which honours
/// <c>Retry-After</c>. Only the method name and Slack's error code are logged, never the message content. The bot token
/// is the one of the workspace each call names (see <see cref="SlackBotTokens"/>).
/// </summary>
public sealed partial class SlackWebApiClient(HttpClient http, IOptions<SlackOptions> options, SlackBotTokens tokens, ILogger<SlackWebApiClient> logger)
{
    public Task<JsonObject> CallAsync(SlackWorkspace workspace, string method, JsonObject body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        return CallAsync(workspace, method, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), cancellationToken);
    }

    /// <summary>A read method (<c>users.info</c>…): Slack takes their arguments form-encoded, not as JSON.</summary>
    public Task<JsonObject> CallFormAsync(SlackWorkspace workspace, string method, IReadOnlyDictionary<string, string> arguments, CancellationToken cancellationToken) =>
        CallAsync(workspace, method, new FormUrlEncodedContent(arguments), cancellationToken);

    private async Task<JsonObject> CallAsync(SlackWorkspace workspace, string method, HttpContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var settings = options.Value;
        var botToken = await tokens.ForWorkspaceAsync(workspace, cancellationToken);
        if (string.IsNullOrEmpty(botToken))
        {
            content.Dispose();
            throw new SlackApiException(method, "no_bot_token_for_workspace");
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.ApiBaseUrl, method)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", botToken);
        var answer = await SendAsync(method, request, cancellationToken);
        JsonObject? result;
        try
        {
            result = JsonNode.Parse(answer) as JsonObject;
        }
        catch (JsonException failure)
        {
            throw new SlackApiException(method, "unreadable_answer", failure);
        }
        if (result is null || result["ok"]?.GetValueKind() != JsonValueKind.True)
        {
            var error = (string?)result?["error"] ?? "unknown_error";
            LogError(logger, method, error);
            throw new SlackApiException(method, error);
        }
        LogCalled(logger, method);
        return result;
    }

    /// <summary>Answers through a command's or interaction's <c>response_url</c> (no token needed: the URL is the credential).</summary>
    public Task RespondAsync(Uri responseUrl, JsonObject message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return AltTextsIfImagesRefusedAsync("response_url", message, async m =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, responseUrl)
            {
                Content = new StringContent(m.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            await SendAsync("response_url", request, cancellationToken);
            LogCalled(logger, "response_url");
            return m;
        });
    }

    public Task<JsonObject> PostMessageAsync(SlackWorkspace workspace, string channel, JsonObject message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        message["channel"] = channel;
        return AltTextsIfImagesRefusedAsync("chat.postMessage", message, m => CallAsync(workspace, "chat.postMessage", m, cancellationToken));
    }

    public Task<JsonObject> PostEphemeralAsync(SlackWorkspace workspace, string channel, string user, JsonObject message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        message["channel"] = channel;
        message["user"] = user;
        return AltTextsIfImagesRefusedAsync("chat.postEphemeral", message, m => CallAsync(workspace, "chat.postEphemeral", m, cancellationToken));
    }

    /// <summary>
    /// Sends a message; when Slack refuses one that carries pictures (it could not download them: <c>invalid_blocks</c>
    /// from the Web API, HTTP 400 from a <c>response_url</c>), sends it once more with each picture's alt text instead.
    /// </summary>
    private async Task<JsonObject> AltTextsIfImagesRefusedAsync(string method, JsonObject message, Func<JsonObject, Task<JsonObject>> send)
    {
        try
        {
            return await send(message);
        }
        catch (SlackApiException refused) when (refused.Error is "invalid_blocks" or "http_400" && BlockKitImages.Carries(message))
        {
            LogImagesRefused(logger, method);
            return await send(BlockKitImages.WithAltTextsInstead(message));
        }
    }

    public Task<JsonObject> UpdateMessageAsync(SlackWorkspace workspace, string channel, string ts, JsonObject message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        message["channel"] = channel;
        message["ts"] = ts;
        return CallAsync(workspace, "chat.update", message, cancellationToken);
    }

    public Task<JsonObject> OpenViewAsync(SlackWorkspace workspace, string triggerId, JsonObject view, CancellationToken cancellationToken) =>
        CallAsync(workspace, "views.open", new JsonObject { ["trigger_id"] = triggerId, ["view"] = view }, cancellationToken);

    public Task<JsonObject> PushViewAsync(SlackWorkspace workspace, string triggerId, JsonObject view, CancellationToken cancellationToken) =>
        CallAsync(workspace, "views.push", new JsonObject { ["trigger_id"] = triggerId, ["view"] = view }, cancellationToken);

    public Task<JsonObject> UpdateViewAsync(SlackWorkspace workspace, string viewId, JsonObject view, CancellationToken cancellationToken) =>
        CallAsync(workspace, "views.update", new JsonObject { ["view_id"] = viewId, ["view"] = view }, cancellationToken);

    public Task<JsonObject> PublishHomeAsync(SlackWorkspace workspace, string userId, JsonObject view, CancellationToken cancellationToken) =>
        CallAsync(workspace, "views.publish", new JsonObject { ["user_id"] = userId, ["view"] = view }, cancellationToken);

    /// <summary>The direct-message channel between the bot and <paramref name="userId"/>.</summary>
    public async Task<string> OpenDirectMessageAsync(SlackWorkspace workspace, string userId, CancellationToken cancellationToken)
    {
        var answer = await CallAsync(workspace, "conversations.open", new JsonObject { ["users"] = userId }, cancellationToken);
        return (string?)answer["channel"]?["id"] ?? throw new SlackApiException("conversations.open", "no_channel_in_answer");
    }

    /// <summary>
    /// The user's e-mail (needs the <c>users:read.email</c> scope), locale (<c>include_locale</c>) and time zone
    /// (<c>tz</c>), to map a Slack user to a ChatCrm user and answer in their language and zone. Bots and deactivated accounts come back as such.
    /// </summary>
    public async Task<SlackUserInfo> GetUserAsync(SlackWorkspace workspace, string userId, CancellationToken cancellationToken)
    {
        var answer = await CallFormAsync(workspace, "users.info", new Dictionary<string, string> { ["user"] = userId, ["include_locale"] = "true" }, cancellationToken);
        var user = answer["user"];
        return new SlackUserInfo((string?)user?["profile"]?["email"], (string?)user?["locale"], Text(user?["tz"]))
        {
            IsBot = IsTrue(user?["is_bot"]),
            IsDeleted = IsTrue(user?["deleted"]),
            IsGuest = IsTrue(user?["is_restricted"]) || IsTrue(user?["is_ultra_restricted"]),
            IsStranger = IsTrue(user?["is_stranger"]),
            TeamId = Text(user?["team_id"]),
            EnterpriseId = Text(user?["enterprise_user"]?["enterprise_id"]) ?? Text(user?["enterprise_id"]),
        };
    }

    private static bool IsTrue(JsonNode? node) => node?.GetValueKind() == JsonValueKind.True;

    private static string? Text(JsonNode? node) => node?.GetValueKind() == JsonValueKind.String ? (string?)node : null;

    private async Task<string> SendAsync(string method, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogHttpFailed(logger, method, (int)response.StatusCode);
                throw new SlackApiException(method, $"http_{(int)response.StatusCode}");
            }
            return text;
        }
        catch (Exception failure) when (failure is HttpRequestException or Polly.Timeout.TimeoutRejectedException
            || (failure is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogHttpFailed(logger, method, 0);
            throw new SlackApiException(method, "unreachable", failure);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} refused a message with pictures (could Slack not fetch them?): sent again with their alt texts")]
    private static partial void LogImagesRefused(ILogger logger, string method);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack {Method} succeeded")]
    private static partial void LogCalled(ILogger logger, string method);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} answered ok:false with {Error}")]
    private static partial void LogError(ILogger logger, string method, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} failed with HTTP status {Status} (0: no answer)")]
    private static partial void LogHttpFailed(ILogger logger, string method, int status);
}
