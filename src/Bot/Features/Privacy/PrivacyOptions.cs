using System.ComponentModel.DataAnnotations;

namespace ChatCrm.Bot.Features.Privacy;

/// <summary>The <c>Privacy</c> section: how customers' data requests are answered.</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>
    /// The address people reach this bot at from their browser (for example https://crm.example.com), used for
    /// export download links. Without it, exports are refused with a message saying so.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>
    /// How long an export download link works (it works once): short, because whoever opens the link downloads the
    /// customer's data. At most one hour.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan ExportLinkLifetime { get; set; } = TimeSpan.FromMinutes(15);
}
