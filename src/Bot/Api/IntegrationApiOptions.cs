using System.ComponentModel.DataAnnotations;

namespace ChatCrm.Bot.Api;

/// <summary>Limits of the integration REST API (<c>Api</c> in configuration).</summary>
public sealed class IntegrationApiOptions
{
    public const string SectionName = "Api";

    /// <summary>The largest request body accepted; a larger one is answered 413 before anything is read into a model.</summary>
    [Range(1024, 10 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Requests one client (an API key or an Entra application) may make per minute, on each instance.</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>How long a POST's <c>Idempotency-Key</c> and its response are kept for replays.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The most customers or users one list or search answer holds.</summary>
    [Range(1, 500)]
    public int MaxPageSize { get; set; } = 100;
}
