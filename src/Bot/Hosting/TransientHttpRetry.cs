using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ChatCrm.Bot.Hosting;

/// <summary>How long an outside service may take: in all, per attempt, and how many retries fit in between.</summary>
public sealed record RetryBudget(TimeSpan Total, int MaxRetryAttempts, TimeSpan PerAttempt);

/// <summary>
/// The one retry pipeline for outside HTTP services: the statuses each service names as transient, and connections
/// that never reached the service, are retried with jittered exponential backoff, waiting as long as a
/// <c>Retry-After</c> asks; anything else fails at once, since repeating it would repeat whatever failed.
/// An attempt that timed out or lost its connection midway may already have been carried out (a message posted),
/// so it is repeated only for methods that are safe to repeat; a POST is not, or a slow connector would get the
/// same message twice. Each channel says which statuses and what budget (see <c>ConnectorResilience</c>,
/// <c>SlackResilience</c>).
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
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.GetRequestMessage(), transient)),
            });
            pipeline.AddTimeout(budget.PerAttempt);
        });
        return builder;
    }

    /// <summary>Whether an attempt that ended with <paramref name="outcome"/> is worth repeating.</summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request, IReadOnlySet<HttpStatusCode> transient)
    {
        ArgumentNullException.ThrowIfNull(transient);
        if (outcome.Result is { } response)
            return transient.Contains(response.StatusCode);
        return outcome.Exception switch
        {
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => true,
            HttpRequestException or Polly.Timeout.TimeoutRejectedException => IsSafeToRepeat(request?.Method),
            _ => false,
        };
    }

    private static bool IsSafeToRepeat(HttpMethod? method) =>
        method is not null && (method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put
            || method == HttpMethod.Delete || method == HttpMethod.Options);
}
