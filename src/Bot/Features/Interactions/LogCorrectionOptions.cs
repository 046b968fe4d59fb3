using System.ComponentModel.DataAnnotations;
using ChatCrm.Domain.Interactions;

namespace ChatCrm.Bot.Features.Interactions;

/// <summary>The <c>LogCorrection</c> section: how long after logging an interaction its author may amend or withdraw it.</summary>
public sealed class LogCorrectionOptions
{
    public const string SectionName = "LogCorrection";

    /// <summary>Counted from when the interaction was first logged; a correction does not restart it. Default 24 hours.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00", ErrorMessage = "LogCorrection:Window must be between one minute and 90 days.")]
    public TimeSpan Window { get; set; } = OwnLogCorrection.DefaultWindow;
}
