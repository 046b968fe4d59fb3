using System.ComponentModel.DataAnnotations;
using ChatCrm.Domain.Kpis;

namespace ChatCrm.Bot.Features.Digests;

/// <summary>The <c>Digests</c> section: the KPI thresholds the digests and the "kpis" command share, and delivery pacing.</summary>
public sealed class DigestOptions
{
    public const string SectionName = "Digests";

    /// <summary>A Gold or Platinum customer with no contact for this many days is "at risk".</summary>
    [Range(1, 365)]
    public int AtRiskAfterDays { get; set; } = 30;

    /// <summary>An active case that has used this share of its SLA (0.8 = 80%) is listed as near it.</summary>
    [Range(0.05, 0.99)]
    public decimal SlaWarnShare { get; set; } = 0.8m;

    /// <summary>A high-value customer whose 12-month value is this share below the previous 12 months' is listed as falling.</summary>
    [Range(0.01, 0.99)]
    public decimal FallingValueShare { get; set; } = 0.2m;

    /// <summary>
    /// A digest found due later than this (the app was down over its time) is skipped rather than sent hours late:
    /// the next period's digest covers the same activity.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan LatestSend { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How many lines each section of the card lists (the rest is counted).</summary>
    [Range(1, 25)]
    public int LinesPerSection { get; set; } = 10;

    /// <summary>
    /// The pause between two digests sent to Teams. Digests go out one at a time; the gap keeps a burst of managers
    /// (everyone picks 08:00) under the Bot Connector's per-conversation and per-bot limits, and a 429 is still retried
    /// with its Retry-After by the connector client.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan TeamsGap { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The pause between two digests sent to Slack (chat.postMessage allows about one message a second per channel).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan SlackGap { get; set; } = TimeSpan.FromSeconds(1);

    public KpiThresholds ToThresholds() => new(AtRiskAfterDays, SlaWarnShare, FallingValueShare, LinesPerSection);
}
