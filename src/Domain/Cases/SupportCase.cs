using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Tiers;
using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Cases;

/// <summary>
/// A customer's support case: a problem to solve within a service-level target. The SLA due time is fixed when
/// the case opens (from the customer's tier then, so a later re-tiering does not move a promise already made) and
/// is recomputed only when the priority changes. Every change goes into <see cref="History"/>, which only grows.
/// </summary>
public sealed class SupportCase
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 4000;
    public const int MaxWorkGroupLength = 100;
    public const int MaxNoteLength = CaseHistoryEntry.MaxValueLength;

    private readonly List<CaseHistoryEntry> _history = [];

    private SupportCase()
    {
        Number = string.Empty;
        Title = string.Empty;
        Description = string.Empty;
        WorkGroup = string.Empty;
    }

    public SupportCaseId Id { get; private set; }

    /// <summary>What people quote ("C-1A2B3C4D"): from the random part of the id, unique by index.</summary>
    public string Number { get; private set; }

    public CustomerId CustomerId { get; private set; }

    public string Title { get; private set; }

    public string Description { get; private set; }

    public CasePriority Priority { get; private set; }

    public CaseStatus Status { get; private set; }

    /// <summary>The customer's tier when the case opened (Bronze when they had none): the SLA row used.</summary>
    public ValueTier Tier { get; private set; }

    public UserId OpenedBy { get; private set; }

    public UserId? AssignedTo { get; private set; }

    public string WorkGroup { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? FirstResponseAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset SlaDueAt { get; private set; }

    public IReadOnlyList<CaseHistoryEntry> History => _history;

    public bool IsActive => Status is CaseStatus.Open or CaseStatus.InProgress or CaseStatus.WaitingOnCustomer;

    public static SupportCase Open(CustomerId customerId, string title, string? description, CasePriority priority, ValueTier? tier,
        UserId openedBy, string workGroup, DateTimeOffset now, SlaTable sla)
    {
        ArgumentNullException.ThrowIfNull(sla);
        var id = SupportCaseId.New();
        var supportCase = new SupportCase
        {
            Id = id,
            Number = "C-" + id.Value.ToString("N")[^8..].ToUpperInvariant(),
            CustomerId = customerId,
            Title = Guard.RequiredText(title, "case title", MaxTitleLength),
            Description = Guard.OptionalText(description, "case description", MaxDescriptionLength) ?? string.Empty,
            Priority = priority,
            Status = CaseStatus.Open,
            Tier = tier ?? ValueTier.Bronze,
            OpenedBy = openedBy,
            AssignedTo = openedBy,
            WorkGroup = Guard.RequiredText(workGroup, "work group", MaxWorkGroupLength),
            CreatedAt = now.ToUniversalTime(),
            SlaDueAt = sla.DueAt(tier, priority, now),
        };
        supportCase.Record(CaseChange.Opened, null, priority.ToString(), openedBy, now);
        return supportCase;
    }

    /// <summary>
    /// Moves the case on, as <see cref="CaseTransitions"/> allows. Waiting on the customer counts as a first response;
    /// resolving stops the SLA clock and reopening starts it again. People resolve with a note: see <see cref="Resolve"/>.
    /// </summary>
    public void ChangeStatus(CaseStatus status, UserId by, DateTimeOffset now)
    {
        if (status == Status)
            return;
        Move(status, by, now);
    }

    /// <summary>Resolves the case with a note on how (kept in the history, up to <see cref="MaxNoteLength"/> characters).</summary>
    public void Resolve(string note, UserId by, DateTimeOffset now)
    {
        var text = Guard.RequiredText(note, "resolution note", MaxNoteLength);
        Move(CaseStatus.Resolved, by, now);
        Record(CaseChange.Note, null, text, by, now);
    }

    /// <summary>
    /// Removes what the case said about the customer (their erasure): the title, the description and every note. Its
    /// number, dates, status changes and SLA stay for the statistics.
    /// </summary>
    public void Redact()
    {
        Title = Interaction.ErasedText;
        Description = string.Empty;
        foreach (var entry in _history)
            entry.Redact();
    }

    private void Move(CaseStatus status, UserId by, DateTimeOffset now)
    {
        var decision = CaseTransitions.Check(Number, Status, status);
        if (!decision.Allowed)
            throw new DomainRuleException(decision.Reason.English);
        var from = Status;
        Status = status;
        if (status == CaseStatus.WaitingOnCustomer)
            RecordFirstResponse(by, now);
        if (status == CaseStatus.Resolved)
            ResolvedAt = now.ToUniversalTime();
        else if (status != CaseStatus.Closed)
            ResolvedAt = null;
        Record(CaseChange.StatusChanged, from.ToString(), status.ToString(), by, now);
    }

    /// <summary>The first answer to the customer; later answers do not move it.</summary>
    public void RecordFirstResponse(UserId by, DateTimeOffset now)
    {
        if (FirstResponseAt is not null)
            return;
        FirstResponseAt = now.ToUniversalTime();
        Record(CaseChange.FirstResponse, null, null, by, now);
    }

    /// <summary>The customer's satisfaction answer joins the history (score and comment, the comment cut to what an entry holds).</summary>
    public void RecordSatisfaction(int score, string? comment, UserId by, DateTimeOffset now) =>
        Record(CaseChange.SatisfactionRated, score.ToString(System.Globalization.CultureInfo.InvariantCulture), comment, by, now);

    /// <summary>Notes in the history that the satisfaction survey was not e-mailed, and why (a reason code).</summary>
    public void RecordSurveyNotSent(string reason, UserId by, DateTimeOffset now) =>
        Record(CaseChange.SurveyNotSent, null, Guard.RequiredText(reason, "reason", CaseHistoryEntry.MaxValueLength), by, now);

    /// <summary>Hands the case to an agent (or to the group only, with <paramref name="agent"/> null) in a work group.</summary>
    public void Assign(UserId? agent, string workGroup, UserId by, DateTimeOffset now)
    {
        EnsureNotClosed();
        var group = Guard.RequiredText(workGroup, "work group", MaxWorkGroupLength);
        var from = $"{AssignedTo?.ToString() ?? "-"}@{WorkGroup}";
        AssignedTo = agent;
        WorkGroup = group;
        Record(CaseChange.Assigned, from, $"{agent?.ToString() ?? "-"}@{group}", by, now);
    }

    /// <summary>A new priority re-targets the SLA from the case's opening, with the tier it opened with.</summary>
    public void ChangePriority(CasePriority priority, SlaTable sla, UserId by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sla);
        EnsureNotClosed();
        if (priority == Priority)
            return;
        var from = Priority;
        Priority = priority;
        SlaDueAt = sla.DueAt(Tier, priority, CreatedAt);
        Record(CaseChange.PriorityChanged, from.ToString(), priority.ToString(), by, now);
    }

    private void EnsureNotClosed()
    {
        if (Status == CaseStatus.Closed)
            throw new DomainRuleException($"Case {Number} is closed; open a new case instead.");
    }

    private void Record(CaseChange change, string? from, string? to, UserId by, DateTimeOffset at) =>
        _history.Add(new CaseHistoryEntry(Id, _history.Count + 1, change, from, to, by, at));
}
