using System.Net;
using ChatCrm.Bot.Hosting;

namespace ChatCrm.Bot.Channels.Slack.WebApi;

/// <summary>
/// How Web API calls are retried: 429 waits as long as Slack's <c>Retry-After</c> says; 502/503/504 and dropped
/// connections back off exponentially (500 is not retried: the call may have taken effect). Calls run in the
/// background worker, after the acknowledgement, so the budget can be generous; a call that still fails leaves
/// the inbox item to be retried later.
/// </summary>
public static class SlackResilience
{
    private static readonly HashSet<HttpStatusCode> Transient =
    [
        HttpStatusCode.TooManyRequests,
        HttpStatusCode.BadGateway,
        HttpStatusCode.ServiceUnavailable,
        HttpStatusCode.GatewayTimeout,
    ];

    private static readonly RetryBudget Budget = new(Total: TimeSpan.FromSeconds(90), MaxRetryAttempts: 4, PerAttempt: TimeSpan.FromSeconds(10));

    public static IHttpClientBuilder AddSlackResilience(this IHttpClientBuilder builder) =>
        builder.AddTransientRetry("slack-web-api", Transient, Budget);
}
