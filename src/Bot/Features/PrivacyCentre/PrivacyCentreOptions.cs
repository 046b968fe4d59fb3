using System.ComponentModel.DataAnnotations;

namespace ChatCrm.Bot.Features.PrivacyCentre;

/// <summary>The <c>PrivacyCentre</c> section: the customer's own privacy page and its sign-in links (SMTP is <c>Smtp</c>).</summary>
public sealed class PrivacyCentreOptions
{
    public const string SectionName = "PrivacyCentre";

    /// <summary>The address customers reach the bot at (https://crm.example.com); sign-in links are built on it. Without it no link is sent.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>How long an e-mailed sign-in link works (once).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "24:00:00")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a signed-in session lasts; signing out ends it sooner.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "08:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Link requests one IP address may make per minute (per instance); more get 429.</summary>
    [Range(1, 10_000)]
    public int LinkRequestsPerIpPerMinute { get; set; } = 10;

    /// <summary>Link requests for one e-mail address per hour, known or not (per instance; the database also caps links per customer).</summary>
    [Range(1, 1_000)]
    public int LinkRequestsPerAddressPerHour { get; set; } = 3;

    /// <summary>Days the account owner has to answer a correction request (the follow-up's due date).</summary>
    [Range(1, 90)]
    public int CorrectionAnswerDays { get; set; } = 5;

    /// <summary>How long a privacy officer has to carry out a customer's erasure request.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "90.00:00:00")]
    public TimeSpan ErasureDeadline { get; set; } = TimeSpan.FromDays(30);
}
