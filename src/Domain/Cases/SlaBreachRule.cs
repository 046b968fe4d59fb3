namespace ChatCrm.Domain.Cases;

/// <summary>Where a case stands against its SLA.</summary>
public enum SlaState
{
    OnTrack = 0,
    AtRisk = 1,
    Breached = 2,
    Met = 3,
    MissedButResolved = 4,
}

/// <summary>The SLA verdict for a case, with the reason a person would be given.</summary>
public sealed record SlaDecision(SlaState State, string Reason)
{
    public bool IsBreached => State is SlaState.Breached or SlaState.MissedButResolved;
}

/// <summary>
/// Is a case within its service-level target? Pure: the case and the time in, a verdict with reasons out.
/// A resolved or closed case is judged by its resolution time; an active one by now. "At risk" is the last
/// fifth of the target, so a queue can warn before the promise is broken.
/// </summary>
public static class SlaBreachRule
{
    public static SlaDecision Evaluate(SupportCase supportCase, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        var due = supportCase.SlaDueAt;
        if (!supportCase.IsActive)
        {
            var resolved = supportCase.ResolvedAt ?? now;
            return resolved <= due
                ? new SlaDecision(SlaState.Met, $"resolved {Span(due - resolved)} before the due time")
                : new SlaDecision(SlaState.MissedButResolved, $"resolved {Span(resolved - due)} after the due time");
        }
        if (now > due)
            return new SlaDecision(SlaState.Breached, $"overdue by {Span(now - due)} ({supportCase.Tier} × {supportCase.Priority})");
        var target = due - supportCase.CreatedAt;
        var left = due - now;
        return left <= target / 5
            ? new SlaDecision(SlaState.AtRisk, $"{Span(left)} left of {Span(target)}")
            : new SlaDecision(SlaState.OnTrack, $"{Span(left)} left");
    }

    private static string Span(TimeSpan span) => span.TotalHours >= 48
        ? $"{(int)span.TotalDays} d {span.Hours} h"
        : span.TotalMinutes >= 60 ? $"{(int)span.TotalHours} h {span.Minutes} min" : $"{Math.Max(0, (int)span.TotalMinutes)} min";
}
