using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatCrm.Bot.Channels.Teams.Protocol;
using ChatCrm.Bot.Conversations;
using MsalException = Microsoft.Identity.Client.MsalException;

namespace ChatCrm.Bot.Channels.Teams;

/// <summary>
/// A failed call to the Bot Connector, with its HTTP status and the service's error code. Status 0 means no answer
/// at all (unreachable, timed out, or no outbound token could be obtained).
/// </summary>
public sealed class BotConnectorException(int statusCode, string? errorCode, Exception? inner = null)
    : ReplyDeliveryException($"The Bot Connector answered {statusCode} ({errorCode ?? "no error code"}).", inner)
{
    public int StatusCode { get; } = statusCode;

    public string? ErrorCode { get; } = errorCode;
}

/// <summary>
/// The Bot Connector REST API (v3) at an activity's service URL: send to a conversation, reply to an activity.
/// When the connector says the bot can no longer post in a conversation (403 roster or blocked, 404 conversation not
/// found), the stored reference to it is retired, so proactive senders stop trying until the user comes back.
/// </summary>
public sealed partial class BotConnectorClient(
    HttpClient http, OutboundTokenProvider tokens, ConversationReferenceStore references, ILogger<BotConnectorClient> logger)
{
    /// <summary>403 codes that mean "not here any more, until the user comes back" (not throttling nor a bad request).</summary>
    private static readonly HashSet<string> UnreachableConversationCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "BotNotInConversationRoster", "ConversationBlockedByUser", "MessageWritesBlocked",
    };

    public Task SendToConversationAsync(Uri serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        PostAsync(new Uri(serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities"), conversationId, activity, cancellationToken);

    public Task ReplyToActivityAsync(Uri serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        PostAsync(new Uri(serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}"), conversationId, activity, cancellationToken);

    /// <summary>
    /// Creates (or finds: the connector answers with the existing one) the bot's 1:1 chat with a member
    /// (<c>POST /v3/conversations</c>) and returns its id. Throttling and transient failures are retried by the
    /// client's resilience handler with the connector's Retry-After; any other refusal is a <see cref="BotConnectorException"/>.
    /// </summary>
    public async Task<ConversationResourceResponse> CreateConversationAsync(Uri serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(serviceUrl, "v3/conversations"))
        {
            Content = new StringContent(JsonSerializer.Serialize(parameters, BotFrameworkJson.Options), Encoding.UTF8, "application/json"),
        };
        if (await tokens.GetTokenAsync(cancellationToken) is { } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var error = await ReadErrorCodeAsync(response, cancellationToken);
                LogFailed(logger, "createConversation", (int)response.StatusCode, error, null);
                throw new BotConnectorException((int)response.StatusCode, error);
            }
            var created = await response.Content.ReadFromJsonAsync<ConversationResourceResponse>(BotFrameworkJson.Options, cancellationToken);
            return created is { Id.Length: > 0 } ? created : throw new BotConnectorException((int)response.StatusCode, "NoConversationId");
        }
        catch (Exception failure) when (failure is HttpRequestException or JsonException or MsalException or Polly.Timeout.TimeoutRejectedException
            || (failure is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogUnreachable(logger, "createConversation", failure.GetType().Name);
            throw new BotConnectorException(0, "Unreachable", failure);
        }
    }

    /// <summary>
    /// The ids ("29:…") of a conversation's members (<c>GET /v3/conversations/{id}/members</c>), for a card's refresh
    /// list. A roster that cannot be read is an empty list: the card is then sent without per-reader refresh.
    /// </summary>
    public async Task<IReadOnlyList<string>> GetMemberIdsAsync(Uri serviceUrl, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/members"));
            if (await tokens.GetTokenAsync(cancellationToken) is { } token)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogRosterUnread(logger, (int)response.StatusCode);
                return [];
            }
            var members = await response.Content.ReadFromJsonAsync<List<ChannelAccount>>(BotFrameworkJson.Options, cancellationToken) ?? [];
            return members.Select(m => m.Id).OfType<string>().Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        }
        catch (Exception failure) when (failure is HttpRequestException or JsonException or MsalException or Polly.Timeout.TimeoutRejectedException
            || (failure is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogRosterUnread(logger, 0);
            return [];
        }
    }

    /// <summary>Whether a refusal means the conversation cannot be posted to any more (and its reference should be retired).</summary>
    public static bool MeansConversationUnreachable(int status, string? errorCode) =>
        (status == StatusCodes.Status403Forbidden && errorCode is not null && UnreachableConversationCodes.Contains(errorCode))
        || (status == StatusCodes.Status404NotFound && string.Equals(errorCode, "ConversationNotFound", StringComparison.OrdinalIgnoreCase));

    private async Task PostAsync(Uri address, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(address, activity, cancellationToken);
        }
        catch (BotConnectorException refused) when (MeansConversationUnreachable(refused.StatusCode, refused.ErrorCode))
        {
            await references.RetireAsync(TeamsConversationAddress.Key(conversationId), refused.ErrorCode!, CancellationToken.None);
            throw;
        }
        catch (Exception failure) when (failure is HttpRequestException or MsalException or Polly.Timeout.TimeoutRejectedException
            || (failure is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogUnreachable(logger, activity.Type ?? "?", failure.GetType().Name);
            throw new BotConnectorException(0, "Unreachable", failure);
        }
    }

    private async Task SendAsync(Uri address, Activity activity, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, address)
        {
            // Buffered (with a Content-Length) rather than streamed: the connector and proxies expect it.
            Content = new StringContent(JsonSerializer.Serialize(activity, BotFrameworkJson.Options), Encoding.UTF8, "application/json"),
        };
        if (await tokens.GetTokenAsync(cancellationToken) is { } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await http.SendAsync(request, cancellationToken);
        var operationId = response.Headers.TryGetValues("X-Correlating-OperationId", out var values) ? values.FirstOrDefault() : null;
        if (response.IsSuccessStatusCode)
        {
            LogSent(logger, activity.Type ?? "?", (int)response.StatusCode, operationId);
            return;
        }
        var error = await ReadErrorCodeAsync(response, cancellationToken);
        LogFailed(logger, activity.Type ?? "?", (int)response.StatusCode, error, operationId);
        throw new BotConnectorException((int)response.StatusCode, error);
    }

    private static async Task<string?> ReadErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync<ErrorBody>(BotFrameworkJson.Options, cancellationToken);
            return body?.Error?.Code;
        }
        catch (Exception unreadable) when (unreadable is JsonException or InvalidOperationException or NotSupportedException)
        {
            // An error body we cannot read (not JSON, an unknown charset) still leaves the status code to go on.
            return null;
        }
    }

    private sealed record ErrorBody(ErrorDetail? Error);

    private sealed record ErrorDetail(string? Code, string? Message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read a conversation's members ({Status}); the card goes without per-reader refresh")]
    private static partial void LogRosterUnread(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sent {ActivityType} to the Bot Connector: {Status} (operation {OperationId})")]
    private static partial void LogSent(ILogger logger, string activityType, int status, string? operationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reach the Bot Connector with {ActivityType}: {Failure}")]
    private static partial void LogUnreachable(ILogger logger, string activityType, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Bot Connector refused {ActivityType}: {Status} {ErrorCode} (operation {OperationId})")]
    private static partial void LogFailed(ILogger logger, string activityType, int status, string? errorCode, string? operationId);
}
