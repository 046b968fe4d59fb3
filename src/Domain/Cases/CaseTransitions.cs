using ChatCrm.Domain.Common;

namespace ChatCrm.Domain.Cases;

/// <summary>Whether a case may move to a status, and why not when it may not (in both languages).</summary>
public sealed record CaseTransitionDecision(bool Allowed, LocalizedText Reason)
{
    public static CaseTransitionDecision Yes { get; } = new(true, new LocalizedText("allowed", "permitido"));
}

/// <summary>
/// The life cycle of a support case: open → in progress ⇄ waiting on the customer → resolved → closed, with a resolved
/// case reopenable and a closed one final (a problem that comes back after closing is a new case, so the history of
/// the old one stays as it was). Pure: the current and the wanted status in, a decision with its reason out. The same
/// rule decides which buttons a case card offers and what <see cref="SupportCase.ChangeStatus"/> accepts.
/// </summary>
public static class CaseTransitions
{
    public static CaseTransitionDecision Check(string number, CaseStatus from, CaseStatus to)
    {
        if (from == to)
            return new CaseTransitionDecision(false, new LocalizedText($"Case {number} is already {Name(to).English}.", $"El caso {number} ya está {Name(to).Spanish}."));
        if (from == CaseStatus.Closed)
            return new CaseTransitionDecision(false, new LocalizedText(
                $"Case {number} is closed; open a new case instead.", $"El caso {number} está cerrado; abre un caso nuevo."));
        if (to == CaseStatus.Closed && from != CaseStatus.Resolved)
            return new CaseTransitionDecision(false, new LocalizedText(
                $"Case {number} must be resolved before it is closed.", $"El caso {number} debe resolverse antes de cerrarse."));
        if (to == CaseStatus.Open && from != CaseStatus.Resolved)
            return new CaseTransitionDecision(false, new LocalizedText(
                $"Only a resolved case can be reopened; case {number} is {Name(from).English}.",
                $"Solo se puede reabrir un caso resuelto; el caso {number} está {Name(from).Spanish}."));
        if (from == CaseStatus.Resolved && to is CaseStatus.InProgress or CaseStatus.WaitingOnCustomer)
            return new CaseTransitionDecision(false, new LocalizedText(
                $"Case {number} is resolved; reopen it first.", $"El caso {number} está resuelto; reábrelo primero."));
        return CaseTransitionDecision.Yes;
    }

    /// <summary>The statuses a case may move to from <paramref name="from"/>, in the order a card offers them.</summary>
    public static IReadOnlyList<CaseStatus> Next(CaseStatus from) =>
        [.. new[] { CaseStatus.InProgress, CaseStatus.WaitingOnCustomer, CaseStatus.Resolved, CaseStatus.Closed, CaseStatus.Open }
            .Where(to => Check(string.Empty, from, to).Allowed)];

    /// <summary>The status as a person reads it.</summary>
    public static LocalizedText Name(CaseStatus status) => status switch
    {
        CaseStatus.Open => new LocalizedText("open", "abierto"),
        CaseStatus.InProgress => new LocalizedText("in progress", "en curso"),
        CaseStatus.WaitingOnCustomer => new LocalizedText("waiting on customer", "esperando al cliente"),
        CaseStatus.Resolved => new LocalizedText("resolved", "resuelto"),
        _ => new LocalizedText("closed", "cerrado"),
    };

    /// <summary>The priority as a person reads it.</summary>
    public static LocalizedText Name(CasePriority priority) => priority switch
    {
        CasePriority.Low => new LocalizedText("Low", "Baja"),
        CasePriority.High => new LocalizedText("High", "Alta"),
        CasePriority.Urgent => new LocalizedText("Urgent", "Urgente"),
        _ => new LocalizedText("Normal", "Normal"),
    };
}
