using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ChatCrm.Bot.Channels.Teams;

/// <summary>
/// How calls to the Bot Connector are retried, as the service asks: 429 (honouring <c>Retry-After</c>), 412 and
/// 502/503/504 and dropped connections are retried with backoff; 500 and other errors are not (retrying would
/// repeat whatever failed). Everything stays inside a budget that leaves the turn within Teams' time limit.
/// </summary>
public static class ConnectorResilience
{
    private static readonly HashSet<HttpStatusCode> Transient =
    [
        HttpStatusCode.TooManyRequests,
        HttpStatusCode.PreconditionFailed,
        HttpStatusCode.BadGateway,
        HttpStatusCode.ServiceUnavailable,
        HttpStatusCode.GatewayTimeout,
    ];

    public static IHttpClientBuilder AddConnectorResilience(this IHttpClientBuilder builder)
    {
        builder.AddResilienceHandler("bot-connector", pipeline =>
        {
            pipeline.AddTimeout(TimeSpan.FromSeconds(10));
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 3,
                Delay = TimeSpan.FromMilliseconds(500),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
            });
            pipeline.AddTimeout(TimeSpan.FromSeconds(4));
        });
        return builder;
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response
            ? Transient.Contains(response.StatusCode)
            : outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException;
}
