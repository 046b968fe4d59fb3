using System.ComponentModel.DataAnnotations;

namespace ChatCrm.Bot.Digests;

/// <summary>The <c>Digests</c> section.</summary>
public sealed class DigestOptions
{
    public const string SectionName = "Digests";

    /// <summary>A Gold or Platinum customer with no contact for this many days is "at risk".</summary>
    [Range(1, 365)]
    public int AtRiskAfterDays { get; set; } = 30;

    /// <summary>
    /// A digest found due later than this (the app was down over its time) is skipped rather than sent hours late:
    /// the next period's digest covers the same activity.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan LatestSend { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How many lines each section of the card lists (the rest is counted).</summary>
    [Range(1, 50)]
    public int LinesPerSection { get; set; } = 10;
}
