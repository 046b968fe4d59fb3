using System.ComponentModel.DataAnnotations;

namespace ChatCrm.Infrastructure.Privacy;

/// <summary>
/// The <c>Retention</c> section: how long records that hold personal data are kept before the nightly purge
/// (<see cref="RetentionPurge"/>) deletes them. The defaults are what a privacy officer would start from; shorten
/// them to your own policy. Orders, consents and the customer records themselves are not purged here: orders are
/// accounting records, consents prove what was agreed, and a customer leaves through erasure.
/// </summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>
    /// Interactions (every version, amended and withdrawn ones too), by when they happened: six years, the usual
    /// limitation period for commercial claims, after which a note of a call serves no one.
    /// </summary>
    [Range(typeof(TimeSpan), "30.00:00:00", "3650.00:00:00", ErrorMessage = "Retention:Interactions must be between 30 days and 10 years.")]
    public TimeSpan Interactions { get; set; } = TimeSpan.FromDays(6 * 365);

    /// <summary>Audit entries (who viewed or changed what): two years, long enough to answer a customer's access request and an inspection.</summary>
    [Range(typeof(TimeSpan), "90.00:00:00", "3650.00:00:00", ErrorMessage = "Retention:AuditEntries must be between 90 days and 10 years.")]
    public TimeSpan AuditEntries { get; set; } = TimeSpan.FromDays(2 * 365);

    /// <summary>
    /// Processed inbox rows (the requests Slack and the pushes delivered, with their payloads): 14 days, far beyond
    /// the hour in which Slack retries a delivery, which is all the stored row is for once it is done.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00", ErrorMessage = "Retention:ProcessedInboxItems must be between 1 and 365 days.")]
    public TimeSpan ProcessedInboxItems { get; set; } = TimeSpan.FromDays(14);
}
