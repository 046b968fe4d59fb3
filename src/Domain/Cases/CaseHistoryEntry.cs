using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Cases;

/// <summary>
/// One change of a support case, kept for good (the permanent incident history): what changed, from what to what,
/// who changed it and when. Entries are only ever added; nothing edits or removes them.
/// </summary>
public sealed class CaseHistoryEntry
{
    public const int MaxValueLength = 200;

    private CaseHistoryEntry()
    {
    }

    internal CaseHistoryEntry(SupportCaseId caseId, int sequence, CaseChange change, string? from, string? to, UserId by, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        CaseId = caseId;
        Sequence = sequence;
        Change = change;
        From = Cut(from);
        To = Cut(to);
        By = by;
        At = at.ToUniversalTime();
    }

    public Guid Id { get; private set; }

    public SupportCaseId CaseId { get; private set; }

    /// <summary>1, 2, 3… within the case: the order of changes even when two share a timestamp.</summary>
    public int Sequence { get; private set; }

    public CaseChange Change { get; private set; }

    public string? From { get; private set; }

    public string? To { get; private set; }

    public UserId By { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>A note's text and a satisfaction comment go with the customer's erasure; status, priority and assignment changes say nothing about them.</summary>
    internal void Redact()
    {
        if (Change == CaseChange.Note || (Change == CaseChange.SatisfactionRated && To is not null))
            To = Interactions.Interaction.ErasedText;
    }

    private static string? Cut(string? value) => value is { Length: > MaxValueLength } ? value[..MaxValueLength] : value;
}
