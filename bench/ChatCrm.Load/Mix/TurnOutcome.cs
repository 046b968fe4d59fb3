namespace ChatCrm.Load.Mix;

/// <summary>
/// One request of a mixed run: its kind, the HTTP answer time (for Slack the acknowledgement), the full turn time
/// (until the last reply was posted to the fakes, or the HTTP answer for invokes answered in it), and the error if any.
/// </summary>
public sealed record TurnOutcome(string Kind, double AckMs, double TurnMs, string? Error = null);
