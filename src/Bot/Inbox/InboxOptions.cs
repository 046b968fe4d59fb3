using System.ComponentModel.DataAnnotations;

namespace ChatCrm.Bot.Inbox;

/// <summary>
/// The <c>Work</c> section (its name kept from before the inbox had one vocabulary, so existing settings still apply):
/// how the background worker drains the inbox of acknowledged chat work.
/// </summary>
public sealed class InboxOptions
{
    public const string SectionName = "Work";

    /// <summary>
    /// Whether this instance runs the worker. Off, it still accepts and acknowledges work, which another
    /// instance (or this one after a restart with the worker on) finishes.
    /// </summary>
    public bool RunWorker { get; set; } = true;

    /// <summary>How often the worker looks for work it was not told about (accepted by another instance, or left by a stopped one).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a claim on an inbox item or an outbox reply lasts without a heartbeat: work held by a stopped instance is
    /// taken over this long after its last heartbeat. Short, because the holder renews it every <see cref="Heartbeat"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:02", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often a holder renews its lease while it works; must be well under <see cref="Lease"/> (at most half).</summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "00:30:00")]
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether a heartbeat fits a lease twice, so one late beat does not lose the claim.</summary>
    public bool HeartbeatFitsLease => Heartbeat * 2 <= Lease;

    /// <summary>
    /// How many items this instance works on at once. One person's turns still run one after another (the inbox's
    /// ordering key); this lets different people's turns, and a slow outside call, not hold everyone else up.
    /// </summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 4;

    /// <summary>Attempts before an item is given up and left for an operator.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;
}
