using System.Collections.Concurrent;
using System.Diagnostics;

namespace ChatCrm.Load;

/// <summary>How long a run lasts: a number of requests, a duration, or whichever comes first.</summary>
public sealed record LoadPlan(int Clients, long? Requests, TimeSpan? Duration, int Warmup);

/// <summary>
/// Runs a scenario with N concurrent clients, each sending its next request as soon as the previous one was answered
/// (a closed loop: N requests in flight at all times), and records every request's latency from send to answer
/// headers. Warm-up requests run first and are not counted, so JIT and connection set-up do not colour the numbers.
/// </summary>
public static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(HttpClient http, ILoadScenario scenario, LoadPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(plan);
        long sequence = 0;
        for (var i = 0; i < plan.Warmup; i++)
            await SendAsync(http, scenario, Interlocked.Increment(ref sequence), cancellationToken);

        var latencies = new ConcurrentBag<double>();
        var errors = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        long started = 0;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (plan.Duration is { } duration)
            deadline.CancelAfter(duration);
        var clock = Stopwatch.StartNew();
        var clients = Enumerable.Range(0, plan.Clients).Select(async _ =>
        {
            while (!deadline.IsCancellationRequested)
            {
                if (plan.Requests is { } max && Interlocked.Increment(ref started) > max)
                    return;
                var (elapsed, error) = await SendAsync(http, scenario, Interlocked.Increment(ref sequence), cancellationToken);
                if (error is null)
                    latencies.Add(elapsed.TotalMilliseconds);
                else
                    errors.AddOrUpdate(error, 1, (_, n) => n + 1);
            }
        });
        await Task.WhenAll(clients);
        clock.Stop();
        return new LoadResult(scenario.Name, plan.Clients, [.. latencies], new Dictionary<string, int>(errors), clock.Elapsed);
    }

    private static async Task<(TimeSpan Elapsed, string? Error)> SendAsync(HttpClient http, ILoadScenario scenario, long sequence, CancellationToken cancellationToken)
    {
        using var request = scenario.Build(sequence);
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(start);
            return (elapsed, scenario.IsSuccess(response) ? null : $"HTTP {(int)response.StatusCode}");
        }
        catch (HttpRequestException failure)
        {
            return (Stopwatch.GetElapsedTime(start), failure.HttpRequestError.ToString());
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (Stopwatch.GetElapsedTime(start), "timeout");
        }
    }
}
