using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatCrm.Load.Mix;

namespace ChatCrm.Load.Measuring;

/// <summary>What the bot's process showed during a run: peak memory, start-up and CPU time in the measured window, when measured.</summary>
public sealed record BotFacts(long? PeakRssKb, long? HighWaterMarkKb, double? StartUpMs, double? CpuMs = null);

/// <summary>
/// The report of a mixed run: throughput, turn latency per kind (request → last reply), Slack acknowledgement latency,
/// errors by kind, replies no request claimed, and the bot's memory and start-up — as a table and as JSON.
/// </summary>
public sealed class MixReport(string target, int conversations, IReadOnlyList<TurnOutcome> outcomes, TimeSpan elapsed, int unmatchedReplies, BotFacts bot)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public int Turns => outcomes.Count;

    public int Failed => outcomes.Count(o => o.Error is not null);

    /// <summary>Completed turns per second (failed ones included: they took the bot's time too).</summary>
    public double TurnsPerSecond => elapsed.TotalSeconds > 0 ? outcomes.Count / elapsed.TotalSeconds : 0;

    public IReadOnlyDictionary<string, LatencySummary> TurnLatencyByKind() => outcomes
        .Where(o => o.Error is null)
        .GroupBy(o => o.Kind, StringComparer.Ordinal)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => LatencySummary.Of(g.Select(o => o.TurnMs)), StringComparer.Ordinal);

    public LatencySummary AllTeamsTurns => LatencySummary.Of(outcomes.Where(o => o.Error is null && !TurnKind.IsSlack(o.Kind)).Select(o => o.TurnMs));

    public LatencySummary SlackAcks => LatencySummary.Of(outcomes.Where(o => TurnKind.IsSlack(o.Kind) && (o.Error is null or "no reply")).Select(o => o.AckMs));

    public IReadOnlyDictionary<string, int> Errors() => outcomes
        .Where(o => o.Error is not null)
        .GroupBy(o => $"{o.Kind}: {o.Error}", StringComparer.Ordinal)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public string ToTable()
    {
        var c = CultureInfo.InvariantCulture;
        var table = new StringBuilder();
        table.AppendLine(c, $"target {target}   conversations {conversations}   turns {Turns}   in {elapsed.TotalSeconds:0.0} s   {TurnsPerSecond:0.0} turns/s   errors {Failed}");
        table.AppendLine("| kind | turns | median ms | p95 ms | p99 ms | max ms |");
        table.AppendLine("|------|------:|----------:|-------:|-------:|-------:|");
        foreach (var (kind, s) in TurnLatencyByKind())
            Row(table, kind, s);
        Row(table, "all Teams turns", AllTeamsTurns);
        if (SlackAcks.Count > 0)
            Row(table, "Slack acks (HTTP answer)", SlackAcks);
        foreach (var (kind, count) in Errors())
            table.AppendLine(c, $"  error {kind}: {count}");
        if (unmatchedReplies > 0)
            table.AppendLine(c, $"  replies no waiting request claimed (late or stray): {unmatchedReplies}");
        if (bot.PeakRssKb is { } rss)
            table.AppendLine(c, $"bot memory: peak VmRSS {rss / 1024.0:0.0} MB, VmHWM {(bot.HighWaterMarkKb ?? 0) / 1024.0:0.0} MB");
        if (bot.CpuMs is { } cpu && Turns > 0)
            table.AppendLine(c, $"bot CPU: {cpu / Turns:0.00} ms per turn ({cpu / 10 / elapsed.TotalSeconds:0} % of one core)");
        if (bot.StartUpMs is { } startUp)
            table.AppendLine(c, $"bot start-up to first answered request: {startUp:0} ms");
        return table.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(new
    {
        target,
        conversations,
        turns = Turns,
        failed = Failed,
        elapsedSeconds = Math.Round(elapsed.TotalSeconds, 3),
        turnsPerSecond = Math.Round(TurnsPerSecond, 1),
        turnLatencyMs = TurnLatencyByKind().ToDictionary(k => k.Key, k => Rounded(k.Value)),
        allTeamsTurnsMs = Rounded(AllTeamsTurns),
        slackAckMs = Rounded(SlackAcks),
        errors = Errors(),
        unmatchedReplies,
        bot = new
        {
            peakRssMb = bot.PeakRssKb is { } rss ? Math.Round(rss / 1024.0, 1) : (double?)null,
            highWaterMarkMb = bot.HighWaterMarkKb is { } hwm ? Math.Round(hwm / 1024.0, 1) : (double?)null,
            startUpMs = bot.StartUpMs is { } s ? Math.Round(s, 0) : (double?)null,
            cpuMsPerTurn = bot.CpuMs is { } cpu && Turns > 0 ? Math.Round(cpu / Turns, 3) : (double?)null,
        },
    }, Indented);

    private static object Rounded(LatencySummary s) => new
    {
        count = s.Count,
        median = Math.Round(s.Median, 2),
        p95 = Math.Round(s.P95, 2),
        p99 = Math.Round(s.P99, 2),
        max = Math.Round(s.Max, 2),
    };

    private static void Row(StringBuilder table, string kind, LatencySummary s) =>
        table.AppendLine(CultureInfo.InvariantCulture, $"| {kind} | {s.Count} | {s.Median:0.0} | {s.P95:0.0} | {s.P99:0.0} | {s.Max:0.0} |");
}
