using System.ComponentModel.DataAnnotations;

namespace ChatCrm.Bot.Features.Digests;

/// <summary>
/// The <c>Charts</c> section: the pictures on the digest and "kpis" cards. Teams and Slack fetch them from the bot's
/// public https address, so without one (Development on loopback) the cards show the figures as text only.
/// </summary>
public sealed class ChartOptions
{
    public const string SectionName = "Charts";

    /// <summary>
    /// The https address Teams and Slack fetch chart pictures from. Unset: <c>Privacy:PublicBaseUrl</c>, the bot's one
    /// public address. Charts are shown only when it is https.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>
    /// How long a chart's signed address works. A pushed digest stays in the chat and clients fetch its pictures when
    /// it is read, so a week by default; at most 30 days.
    /// </summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How many weeks the trend chart shows, ending where the KPI period ends.</summary>
    [Range(2, 26)]
    public int TrendWeeks { get; set; } = 8;

    /// <summary>Whether the cards carry charts at all (true by default).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>True when charts can be shown: enabled, and an https address clients can fetch them from.</summary>
    public bool Reachable => Enabled && PublicBaseUrl is { IsAbsoluteUri: true } url && url.Scheme == Uri.UriSchemeHttps;
}
