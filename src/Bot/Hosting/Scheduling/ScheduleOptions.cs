using System.ComponentModel.DataAnnotations;

namespace ChatCrm.Bot.Hosting.Scheduling;

/// <summary>The <c>Scheduling</c> section: Quartz.NET's cron expressions (seconds first) in UTC.</summary>
public sealed class ScheduleOptions
{
    public const string SectionName = "Scheduling";

    /// <summary>Turns the scheduler off (a one-off CLI run, or a test that drives the jobs itself).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often due digests are looked for; each manager's own time decides which are due.</summary>
    [Required]
    public string DigestCheckCron { get; set; } = "0 * * * * ?";

    /// <summary>How often cases are checked for SLA alerts (75 % of a target, breach): every minute.</summary>
    [Required]
    public string SlaAlertCron { get; set; } = "30 * * * * ?";

    /// <summary>The nightly tier recalculation.</summary>
    [Required]
    public string TierRecalculationCron { get; set; } = "0 30 2 * * ?";

    /// <summary>The offer model's retraining: weekly, Sunday at 03:15 UTC, when chat is quiet.</summary>
    [Required]
    public string OfferRetrainingCron { get; set; } = "0 15 3 ? * SUN";

    /// <summary>Forgetting the REST API's expired <c>Idempotency-Key</c> records: nightly at 03:45 UTC.</summary>
    [Required]
    public string IdempotencyPurgeCron { get; set; } = "0 45 3 * * ?";

    /// <summary>Deleting what is past its retention (<c>Retention</c> section): nightly at 04:15 UTC.</summary>
    [Required]
    public string RetentionPurgeCron { get; set; } = "0 15 4 * * ?";
}
