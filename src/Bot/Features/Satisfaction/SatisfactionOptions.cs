using System.ComponentModel.DataAnnotations;

namespace ChatCrm.Bot.Features.Satisfaction;

/// <summary>The <c>Satisfaction</c> section: the survey e-mailed when a case is resolved (SMTP is <c>Smtp</c>).</summary>
public sealed class SatisfactionOptions
{
    public const string SectionName = "Satisfaction";

    /// <summary>
    /// The address customers reach the bot at; survey links are built on it. Unset, the privacy centre's
    /// (<c>PrivacyCentre:PublicBaseUrl</c>) is used; with neither, no survey is sent (the case history says so).
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>How long a survey link takes an answer (once).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "90.00:00:00")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(14);
}
