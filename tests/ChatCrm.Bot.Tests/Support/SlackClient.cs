using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Channels.Slack;

namespace ChatCrm.Bot.Tests.Support;

/// <summary>A Slack workspace member as the requests name them.</summary>
public sealed record SlackUser(string TeamId, string UserId, string Name)
{
    public string Key => new ChatCrm.Domain.Users.SlackUserKey(TeamId, UserId).ToString();
}

/// <summary>
/// Sends what Slack sends, correctly signed: slash commands and interactions form-encoded, events as JSON.
/// The raw variants let a test tamper with headers, timestamps or the body after signing.
/// </summary>
public sealed class SlackClient(HttpClient http, FakeSlack slack, string signingSecret, SlackUser user)
{
    public SlackUser User { get; } = user;

    public Task<HttpResponseMessage> CommandAsync(string text, string? triggerId = null, string channelId = "C0SALES") =>
        PostAsync("/slack/commands", Form(new Dictionary<string, string>
        {
            ["token"] = "deprecated-verification-token",
            ["team_id"] = User.TeamId,
            ["team_domain"] = "acme",
            ["channel_id"] = channelId,
            ["user_id"] = User.UserId,
            ["user_name"] = User.Name,
            ["command"] = "/crm",
            ["text"] = text,
            ["api_app_id"] = "A0CRM",
            ["response_url"] = slack.NewResponseUrl().AbsoluteUri,
            ["trigger_id"] = triggerId ?? NewTriggerId(),
        }), "application/x-www-form-urlencoded");

    public Task<HttpResponseMessage> EventAsync(JsonObject inner, string? eventId = null, int retryNumber = 0, string? enterpriseId = null) =>
        PostAsync("/slack/events", Encoding.UTF8.GetBytes(new JsonObject
        {
            ["token"] = "deprecated-verification-token",
            ["team_id"] = User.TeamId,
            ["enterprise_id"] = enterpriseId,
            ["api_app_id"] = "A0CRM",
            ["type"] = "event_callback",
            ["event_id"] = eventId ?? $"Ev{Guid.NewGuid():N}",
            ["event_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["event"] = inner,
        }.ToJsonString()), "application/json", retryNumber);

    public Task<HttpResponseMessage> DirectMessageAsync(string text, string? eventId = null, int retryNumber = 0, string? enterpriseId = null) =>
        EventAsync(new JsonObject
        {
            ["type"] = "message",
            ["channel_type"] = "im",
            ["channel"] = "D0" + User.UserId,
            ["user"] = User.UserId,
            ["text"] = text,
            ["ts"] = "1700000000.000200",
        }, eventId, retryNumber, enterpriseId);

    public Task<HttpResponseMessage> InteractionAsync(JsonObject payload) =>
        PostAsync("/slack/interactions", Form(new Dictionary<string, string> { ["payload"] = payload.ToJsonString() }), "application/x-www-form-urlencoded");

    /// <summary>A press on a button of a message ChatCrm sent (its <c>value</c> as rendered), with the message's input values.</summary>
    public Task<HttpResponseMessage> PressAsync(JsonObject button, IDictionary<string, string>? inputs = null, string? triggerId = null)
    {
        ArgumentNullException.ThrowIfNull(button);
        var values = new JsonObject();
        foreach (var (id, value) in inputs ?? new Dictionary<string, string>())
            values[id] = new JsonObject { [id] = new JsonObject { ["type"] = "plain_text_input", ["value"] = value } };
        return InteractionAsync(new JsonObject
        {
            ["type"] = "block_actions",
            ["team"] = new JsonObject { ["id"] = User.TeamId },
            ["user"] = new JsonObject { ["id"] = User.UserId, ["name"] = User.Name, ["team_id"] = User.TeamId },
            ["channel"] = new JsonObject { ["id"] = "C0SALES" },
            ["trigger_id"] = triggerId ?? NewTriggerId(),
            ["response_url"] = slack.NewResponseUrl().AbsoluteUri,
            ["state"] = new JsonObject { ["values"] = values },
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button",
                ["action_id"] = (string?)button["action_id"],
                ["block_id"] = "b1",
                ["value"] = (string?)button["value"],
                ["action_ts"] = "1700000000.123",
            }),
        });
    }

    public Task<HttpResponseMessage> PostAsync(string path, byte[] body, string contentType, int retryNumber = 0) =>
        PostRawAsync(path, body, contentType, Timestamp(DateTimeOffset.UtcNow), signatureFor: body, retryNumber: retryNumber);

    /// <summary>Posts <paramref name="body"/> with a signature computed over <paramref name="signatureFor"/> (null: no signature header).</summary>
    public async Task<HttpResponseMessage> PostRawAsync(string path, byte[] body, string contentType, string? timestamp, byte[]? signatureFor,
        string? secret = null, int retryNumber = 0)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        if (timestamp is not null)
            request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
        if (signatureFor is not null && timestamp is not null)
            request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Sign(secret ?? signingSecret, timestamp, signatureFor));
        if (retryNumber > 0)
        {
            request.Headers.Add("X-Slack-Retry-Num", retryNumber.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }
        return await http.SendAsync(request);
    }

    public static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>The fields form-encoded, as text (a test may then put bytes of its own in).</summary>
    public static string FormText(IDictionary<string, string> fields) => Encoding.ASCII.GetString(Form(fields));

    public static byte[] Form(IDictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
    }

    private static string NewTriggerId() => $"{Random.Shared.NextInt64(1_000_000_000, 9_999_999_999)}.{Guid.NewGuid():N}";
}
