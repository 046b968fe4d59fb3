using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ChatCrm.Bot.Hosting;

/// <summary>How long an outside service may take: in all, per attempt, and how many retries fit in between.</summary>
public sealed record RetryBudget(TimeSpan Total, int MaxRetryAttempts, TimeSpan PerAttempt);

/// <summary>
/// The one retry pipeline for outside HTTP services: the statuses each service names as transient (and dropped
/// connections or attempt time-outs) are retried with jittered exponential backoff, waiting as long as a
/// <c>Retry-After</c> asks; anything else fails at once, since repeating it would repeat whatever failed.
/// Each channel says which statuses and what budget (see <c>ConnectorResilience</c>, <c>SlackResilience</c>).
/// </summary>
public static class TransientHttpRetry
{
    public static IHttpClientBuilder AddTransientRetry(this IHttpClientBuilder builder, string name,
        IReadOnlySet<HttpStatusCode> transient, RetryBudget budget)
    {
        ArgumentNullException.ThrowIfNull(transient);
        ArgumentNullException.ThrowIfNull(budget);
        builder.AddResilienceHandler(name, pipeline =>
        {
            pipeline.AddTimeout(budget.Total);
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = budget.MaxRetryAttempts,
                Delay = TimeSpan.FromMilliseconds(500),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, transient)),
            });
            pipeline.AddTimeout(budget.PerAttempt);
        });
        return builder;
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome, IReadOnlySet<HttpStatusCode> transient) =>
        outcome.Result is { } response
            ? transient.Contains(response.StatusCode)
            : outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException;
}
