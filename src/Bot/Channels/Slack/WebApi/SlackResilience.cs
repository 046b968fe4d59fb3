using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ChatCrm.Bot.Channels.Slack.WebApi;

/// <summary>
/// How Web API calls are retried: 429 waits as long as Slack's <c>Retry-After</c> says; 502/503/504 and dropped connections
/// back off exponentially (500 is not retried: the call may have taken effect). Calls run in the background worker, after the acknowledgement, so the budget can be
/// generous; a call that still fails leaves the inbox item to be retried later.
/// </summary>
public static class SlackResilience
{
    public static IHttpClientBuilder AddSlackResilience(this IHttpClientBuilder builder)
    {
        builder.AddResilienceHandler("slack-web-api", pipeline =>
        {
            pipeline.AddTimeout(TimeSpan.FromSeconds(90));
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 4,
                Delay = TimeSpan.FromMilliseconds(500),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
            });
            pipeline.AddTimeout(TimeSpan.FromSeconds(10));
        });
        return builder;
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response
            ? response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
            : outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException;
}
