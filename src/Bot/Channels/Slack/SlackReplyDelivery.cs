using System.Text.Json.Nodes;
using ChatCrm.Bot.Channels.Slack.WebApi;
using ChatCrm.Bot.Outbox;

namespace ChatCrm.Bot.Channels.Slack;

/// <summary>
/// Sends a Slack reply written into the outbox. Slack's refusals that no retry can change (a channel gone or archived,
/// a revoked token, an expired <c>response_url</c>, any other 4xx, and a 500, after which the post may have been made) are reported as <see cref="ReplyRefusedException"/>;
/// rate limits, Slack's own errors and an unreachable Slack are tried again by the outbox. Slack offers no idempotency key
/// for posted messages, so a crash right after a send can repeat that one reply (ADR 0011).
/// </summary>
public sealed class SlackReplyDelivery(SlackWebApiClient client) : IReplyDelivery
{
    private static readonly HashSet<string> Passing =
    [
        "unreachable", "unreadable_answer", "ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable",
        "request_timeout", "http_408", "http_429", "http_502", "http_503", "http_504",
    ];

    public string Channel => Inbox.SlackInboxItem.InboxChannel;

    public async Task DeliverAsync(string address, string body, CancellationToken cancellationToken)
    {
        var to = SlackReplyAddress.FromJson(address);
        var payload = JsonNode.Parse(body) as JsonObject ?? throw new ReplyRefusedException("unreadable_body");
        try
        {
            await SendAsync(client, to, payload, cancellationToken);
        }
        catch (SlackApiException failure) when (IsForGood(failure.Error))
        {
            throw new ReplyRefusedException($"slack {failure.Method}: {failure.Error}", failure);
        }
    }

    /// <summary>Sends <paramref name="payload"/> (rendered by <see cref="SlackResponder.Render"/>) the way <paramref name="to"/> says.</summary>
    public static async Task SendAsync(SlackWebApiClient client, SlackReplyAddress to, JsonObject payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(payload);
        switch (to.Route)
        {
            case SlackReplyRoute.ResponseUrl when to.ResponseUrl is { } responseUrl:
                payload["response_type"] = "ephemeral";
                payload["replace_original"] = false;
                await client.RespondAsync(responseUrl, payload, cancellationToken);
                break;
            case SlackReplyRoute.Ephemeral:
                await client.PostEphemeralAsync(to.Workspace, to.Channel, to.UserId, payload, cancellationToken);
                break;
            default:
                await client.PostMessageAsync(to.Workspace, to.Channel, payload, cancellationToken);
                break;
        }
    }

    /// <summary>Anything but a passing failure; a 500 included, as the HTTP client holds it: the post may have been made, and is not repeated.</summary>
    private static bool IsForGood(string error) => !Passing.Contains(error);
}
