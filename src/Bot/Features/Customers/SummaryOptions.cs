using System.ComponentModel.DataAnnotations;

namespace ChatCrm.Bot.Features.Customers;

/// <summary>The <c>Summaries</c> section: how long a configured chat model may take before the extractive summary is used.</summary>
public sealed class SummaryOptions
{
    public const string SectionName = "Summaries";

    /// <summary>
    /// The longest wait for an <c>IChatClient</c> (when one is registered). A rep is waiting for the card, so a slow
    /// model loses to the extractive summary rather than holding the turn.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan ChatClientTimeout { get; set; } = TimeSpan.FromSeconds(8);
}
