using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ChatCrm.Load;

/// <summary>What a run measured: every successful request's latency (ms), errors by kind, and the wall time.</summary>
public sealed record LoadResult(string Scenario, int Clients, IReadOnlyList<double> LatenciesMs, IReadOnlyDictionary<string, int> Errors, TimeSpan Elapsed)
{
    public int Succeeded => LatenciesMs.Count;

    /// <summary>Replies that came back (through the reply sink) for the acknowledged requests, warm-up included.</summary>
    public int? Replies { get; init; }

    public int Failed => Errors.Values.Sum();

    public double Throughput => Elapsed.TotalSeconds > 0 ? (Succeeded + Failed) / Elapsed.TotalSeconds : 0;

    /// <summary>The <paramref name="percentile"/>th percentile (nearest rank); 0 when nothing succeeded.</summary>
    public double Percentile(double percentile)
    {
        if (LatenciesMs.Count == 0)
            return 0;
        var sorted = LatenciesMs.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public string ToTable()
    {
        var c = CultureInfo.InvariantCulture;
        var table = new StringBuilder();
        table.AppendLine(c, $"scenario   {Scenario}   clients {Clients}   requests {Succeeded + Failed}   in {Elapsed.TotalSeconds:0.0} s   ({Throughput:0} req/s)");
        table.AppendLine("| median ms | p95 ms | p99 ms | max ms | ok | errors |");
        table.AppendLine("|----------:|-------:|-------:|-------:|---:|-------:|");
        table.AppendLine(c, $"| {Percentile(50),9:0.0} | {Percentile(95),6:0.0} | {Percentile(99),6:0.0} | {(LatenciesMs.Count == 0 ? 0 : LatenciesMs.Max()),6:0.0} | {Succeeded} | {Failed} |");
        if (Replies is { } replies)
            table.AppendLine(c, $"replies received after the acks (warm-up included): {replies}");
        foreach (var (kind, count) in Errors.OrderByDescending(e => e.Value))
            table.AppendLine(c, $"  error {kind}: {count}");
        return table.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(new
    {
        scenario = Scenario,
        clients = Clients,
        requests = Succeeded + Failed,
        succeeded = Succeeded,
        errors = Errors,
        replies = Replies,
        elapsedSeconds = Math.Round(Elapsed.TotalSeconds, 3),
        requestsPerSecond = Math.Round(Throughput, 1),
        latencyMs = new
        {
            median = Math.Round(Percentile(50), 2),
            p95 = Math.Round(Percentile(95), 2),
            p99 = Math.Round(Percentile(99), 2),
            max = Math.Round(LatenciesMs.Count == 0 ? 0 : LatenciesMs.Max(), 2),
        },
    }, Indented);

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}
