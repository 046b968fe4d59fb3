using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Outbox;

/// <summary>
/// The <c>Outbox</c> section: how written-down replies are retried. Leases, heartbeat, polling and whether this instance
/// runs the worker are the <c>Work</c> section's, shared with the inbox.
/// </summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>Delivery attempts (the first, at once after the turn, included) before a reply is marked failed and left for an operator.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// Development only, for the crash tests: waits this long between a turn's commit and sending its replies, so a process
    /// killed meanwhile leaves them to the outbox. Set outside Development, start-up is refused.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan DiagnosticDelayAfterCommit { get; set; }
}

/// <summary>Refuses <see cref="OutboxOptions.DiagnosticDelayAfterCommit"/> outside Development.</summary>
internal sealed class OutboxOptionsValidation(IHostEnvironment environment) : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions options) =>
        options.DiagnosticDelayAfterCommit > TimeSpan.Zero && !environment.IsDevelopment()
            ? ValidateOptionsResult.Fail($"Outbox:DiagnosticDelayAfterCommit holds back every reply and is refused outside Development (this is {environment.EnvironmentName}).")
            : ValidateOptionsResult.Success;
}
