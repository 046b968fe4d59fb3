namespace ChatCrm.Domain.Cases;

/// <summary>How urgent the customer's problem is; with the customer's tier it sets the SLA.</summary>
public enum CasePriority
{
    Low = 0,
    Normal = 1,
    High = 2,
    Urgent = 3,
}

/// <summary>
/// Where a case stands. Open, in progress and waiting on the customer are active (the SLA clock runs);
/// <see cref="Closed"/> is final. The numbers are stored as names, so a new status never renumbers old rows.
/// </summary>
public enum CaseStatus
{
    Open = 0,
    WaitingOnCustomer = 1,
    Resolved = 2,
    Closed = 3,

    /// <summary>Someone has started working on it.</summary>
    InProgress = 4,
}

/// <summary>What a history entry records.</summary>
public enum CaseChange
{
    Opened = 0,
    StatusChanged = 1,
    Assigned = 2,
    PriorityChanged = 3,
    FirstResponse = 4,

    /// <summary>A note on the case, such as how it was resolved (in <see cref="CaseHistoryEntry.To"/>).</summary>
    Note = 5,

    /// <summary>The customer's satisfaction answer: the score (1–5) in <see cref="CaseHistoryEntry.From"/>, their comment in <see cref="CaseHistoryEntry.To"/>.</summary>
    SatisfactionRated = 6,

    /// <summary>The satisfaction survey was not e-mailed: the reason (a <c>SurveyNotSentReason</c> name) in <see cref="CaseHistoryEntry.To"/>.</summary>
    SurveyNotSent = 7,
}
