using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace ChatCrm.Load;

/// <summary>
/// <c>/crm &lt;text&gt;</c> as Slack sends it to <c>POST /slack/commands</c>: form-encoded, signed with the app's signing
/// secret over the raw body (<c>v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body))</c>), each with its own trigger
/// id. What is measured is the acknowledgement, which Slack needs within 3 seconds; the reply itself goes to the
/// request's <c>response_url</c> later, which points at the run's <see cref="ReplySink"/> on loopback (the bot accepts
/// loopback reply addresses in Development only, so run it with <c>ASPNETCORE_ENVIRONMENT=Development</c>).
/// </summary>
public sealed class SlackCommandsScenario(Uri target, string signingSecret, string text, Uri replies) : ILoadScenario
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    public string Name => "slack-commands";

    public HttpRequestMessage Build(long sequence)
    {
        var fields = new Dictionary<string, string>
        {
            ["team_id"] = "T0LOAD",
            ["team_domain"] = "load",
            ["channel_id"] = "C0LOAD",
            ["user_id"] = $"U0LOAD{sequence % 50:00}",
            ["user_name"] = "load",
            ["command"] = "/crm",
            ["text"] = text,
            ["api_app_id"] = "A0LOAD",
            ["response_url"] = new Uri(replies, $"{_run}/{sequence}").AbsoluteUri,
            ["trigger_id"] = $"{_run}.{sequence}.load",
        };
        var body = Encoding.UTF8.GetBytes(string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")));
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target, "slack/commands")) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", Sign(timestamp, body));
        return request;
    }

    public bool IsSuccess(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.StatusCode == HttpStatusCode.OK;
    }

    private string Sign(string timestamp, byte[] body)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), prefix.Concat(body).ToArray());
        return "v0=" + Convert.ToHexStringLower(hash);
    }
}
