using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Customers.Merging;

/// <summary>
/// The permanent account of one merge: which record was folded into which, by whom, when, and what moved —
/// so "why does this customer have two e-mail addresses?" always has an answer.
/// </summary>
public sealed class CustomerMergeRecord
{
    private CustomerMergeRecord()
    {
        MergedName = string.Empty;
        Explanation = string.Empty;
    }

    internal CustomerMergeRecord(CustomerId survivorId, CustomerId mergedId, string mergedName, UserId mergedBy, DateTimeOffset at, string explanation)
    {
        Id = Guid.CreateVersion7();
        SurvivorId = survivorId;
        MergedId = mergedId;
        MergedName = mergedName;
        MergedBy = mergedBy;
        At = at.ToUniversalTime();
        Explanation = explanation;
    }

    public Guid Id { get; private set; }

    public CustomerId SurvivorId { get; private set; }

    public CustomerId MergedId { get; private set; }

    /// <summary>The merged record's name as it was.</summary>
    public string MergedName { get; private set; }

    public UserId MergedBy { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>What moved and which consent conflicts were settled how, one line each.</summary>
    public string Explanation { get; private set; }

    /// <summary>
    /// The erasure of either record: the merged record's name goes, and so does any line of the explanation that
    /// quotes one of <paramref name="formerTexts"/> (the erased customer's name, company or handles).
    /// </summary>
    public void Redact(IReadOnlyCollection<string> formerTexts)
    {
        ArgumentNullException.ThrowIfNull(formerTexts);
        MergedName = Interactions.Interaction.ErasedText;
        Explanation = string.Join('\n', ExplanationLines.Select(line =>
            formerTexts.Any(text => line.Contains(text, StringComparison.OrdinalIgnoreCase)) ? Interactions.Interaction.ErasedText : line));
    }

    public IReadOnlyList<string> ExplanationLines => Explanation.Split('\n');
}
