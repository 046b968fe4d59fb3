using ChatCrm.Domain.Common;

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

/// <summary>The SLA verdict for a case, with the reason a person would be given (in both languages).</summary>
public sealed record SlaDecision(SlaState State, LocalizedText Text)
{
    /// <summary>The reason in English (logs, tests); cards use <see cref="Text"/> in the reader's language.</summary>
    public string Reason => Text.English;

    public bool IsBreached => State is SlaState.Breached or SlaState.MissedButResolved;
}

/// <summary>
/// Is a case within its service-level target? Pure: the case and the time in, a verdict with reasons out.
/// A resolved or closed case is judged by its resolution time; an active one by now. "At risk" is the last
/// fifth of the target, so a queue can warn before the promise is broken. The reasons never name the case's value
/// tier: queues and profiles show them to support agents, who may not see tiers.
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
                ? new SlaDecision(SlaState.Met, new LocalizedText(
                    $"resolved {Span(due - resolved)} before the due time", $"resuelto {Span(due - resolved)} antes del vencimiento"))
                : new SlaDecision(SlaState.MissedButResolved, new LocalizedText(
                    $"resolved {Span(resolved - due)} after the due time", $"resuelto {Span(resolved - due)} después del vencimiento"));
        }
        if (now > due)
            return new SlaDecision(SlaState.Breached, new LocalizedText(
                $"overdue by {Span(now - due)} ({CaseTransitions.Name(supportCase.Priority).English} priority)",
                $"vencido hace {Span(now - due)} (prioridad {CaseTransitions.Name(supportCase.Priority).Spanish})"));
        var target = due - supportCase.CreatedAt;
        var left = due - now;
        return left <= target / 5
            ? new SlaDecision(SlaState.AtRisk, new LocalizedText($"{Span(left)} left of {Span(target)}", $"quedan {Span(left)} de {Span(target)}"))
            : new SlaDecision(SlaState.OnTrack, new LocalizedText($"{Span(left)} left", $"quedan {Span(left)}"));
    }

    private static string Span(TimeSpan span) => span.TotalHours >= 48
        ? $"{(int)span.TotalDays} d {span.Hours} h"
        : span.TotalMinutes >= 60 ? $"{(int)span.TotalHours} h {span.Minutes} min" : $"{Math.Max(0, (int)span.TotalMinutes)} min";
}
