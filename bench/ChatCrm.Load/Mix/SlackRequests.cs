using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatCrm.Load.Mix;

/// <summary>
/// Slack requests as Slack sends them, signed with the app's signing secret over the raw body
/// (<c>v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body))</c>): slash commands, <c>block_actions</c>
/// interactions and Events API callbacks, each with its own trigger or event id so none is taken for a retry.
/// </summary>
public sealed class SlackRequests(Uri target, string signingSecret)
{
    public const string TeamId = "T0LOAD";
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private long _sequence;

    public HttpRequestMessage Command(SimulatedConversation conversation, string text, Uri responseUrl)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(responseUrl);
        return Form("slack/commands", new Dictionary<string, string>
        {
            ["team_id"] = TeamId,
            ["team_domain"] = "load",
            ["channel_id"] = conversation.SlackChannelId,
            ["user_id"] = conversation.SlackUserId,
            ["user_name"] = conversation.Name,
            ["command"] = "/crm",
            ["text"] = text,
            ["api_app_id"] = "A0LOAD",
            ["response_url"] = responseUrl.AbsoluteUri,
            ["trigger_id"] = NextId("trigger"),
        });
    }

    /// <summary>A button press on a message the bot sent: the button's value carries its verb (<c>{"v":…,"d":{…}}</c>).</summary>
    public HttpRequestMessage ButtonPress(SimulatedConversation conversation, string verb, Uri responseUrl)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(responseUrl);
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["team"] = new JsonObject { ["id"] = TeamId },
            ["user"] = new JsonObject { ["id"] = conversation.SlackUserId, ["name"] = conversation.Name, ["team_id"] = TeamId },
            ["channel"] = new JsonObject { ["id"] = conversation.SlackChannelId },
            ["trigger_id"] = NextId("trigger"),
            ["response_url"] = responseUrl.AbsoluteUri,
            ["state"] = new JsonObject { ["values"] = new JsonObject() },
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button",
                ["action_id"] = verb,
                ["block_id"] = "load",
                ["value"] = new JsonObject { ["v"] = verb, ["d"] = new JsonObject() }.ToJsonString(),
                ["action_ts"] = "1700000000.123",
            }),
        };
        return Form("slack/interactions", new Dictionary<string, string> { ["payload"] = payload.ToJsonString() });
    }

    /// <summary>A direct message to the app (<c>message.im</c>).</summary>
    public HttpRequestMessage DirectMessage(SimulatedConversation conversation, string text)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return Event(new JsonObject
        {
            ["type"] = "message",
            ["channel_type"] = "im",
            ["channel"] = conversation.SlackChannelId,
            ["user"] = conversation.SlackUserId,
            ["text"] = text,
            ["ts"] = $"{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.{Interlocked.Increment(ref _sequence) % 1_000_000:000000}",
        });
    }

    /// <summary>The user opened the app's Home tab (<c>app_home_opened</c>).</summary>
    public HttpRequestMessage HomeOpened(SimulatedConversation conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return Event(new JsonObject
        {
            ["type"] = "app_home_opened",
            ["user"] = conversation.SlackUserId,
            ["channel"] = conversation.SlackChannelId,
            ["tab"] = "home",
        });
    }

    private HttpRequestMessage Event(JsonObject inner) => Signed("slack/events", Encoding.UTF8.GetBytes(new JsonObject
    {
        ["token"] = "deprecated-verification-token",
        ["team_id"] = TeamId,
        ["api_app_id"] = "A0LOAD",
        ["type"] = "event_callback",
        ["event_id"] = NextId("Ev"),
        ["event_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["event"] = inner,
    }.ToJsonString()), "application/json");

    private HttpRequestMessage Form(string path, Dictionary<string, string> fields) => Signed(path,
        Encoding.UTF8.GetBytes(string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"))),
        "application/x-www-form-urlencoded");

    private HttpRequestMessage Signed(string path, byte[] body, string contentType)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target, path)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", Sign(signingSecret, timestamp, body));
        return request;
    }

    private string NextId(string prefix) =>
        $"{prefix}.{_run}{Interlocked.Increment(ref _sequence).ToString("0000000000", CultureInfo.InvariantCulture)}";

    /// <summary><c>v0=</c> and the lower-case hex HMAC-SHA256 of <c>v0:{timestamp}:{body}</c>.</summary>
    public static string Sign(string secret, string timestamp, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed, prefix.Length);
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
