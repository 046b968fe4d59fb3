using System.ComponentModel.DataAnnotations;
using ChatCrm.Domain.Offers;

namespace ChatCrm.Bot.Features.Offers;

/// <summary>The <c>Outreach</c> section: when an order or deposit event may be pushed to the owner's chat.</summary>
public sealed class OutreachOptions
{
    public const string SectionName = "Outreach";

    /// <summary>Local time (the owner's time zone) from which pushes wait until <see cref="QuietHoursEnd"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:59")]
    public TimeSpan QuietHoursStart { get; set; } = TimeSpan.FromHours(20);

    /// <summary>Local time at which the pushes held back over the quiet hours go out; equal to the start for no quiet hours.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:59")]
    public TimeSpan QuietHoursEnd { get; set; } = TimeSpan.FromHours(8);

    public QuietHours QuietHours => new(TimeOnly.FromTimeSpan(QuietHoursStart), TimeOnly.FromTimeSpan(QuietHoursEnd));
}
