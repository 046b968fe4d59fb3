using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Offers;
using ChatCrm.Domain.Users;

namespace ChatCrm.Infrastructure.Offers;

/// <summary>
/// A customer event (<see cref="OfferTriggerKind"/>) waiting for the owning rep's <c>suggestions</c> command. One row
/// per customer and kind (a unique index): a new event of the same kind re-arms the row with its newer reason instead
/// of queuing a twin, so a rep never sees one customer twice for the same reason. Dismissing keeps the row (the next
/// event re-arms it). The offers themselves are chosen when shown, so consent and eligibility are those of that moment.
/// </summary>
public sealed class QueuedOfferSuggestion
{
    public const int MaxReasonLength = 400;

    private QueuedOfferSuggestion()
    {
        ReasonEnglish = string.Empty;
        ReasonSpanish = string.Empty;
    }

    public QueuedOfferSuggestion(CustomerId customerId, OfferTrigger trigger, DateTimeOffset occurredAt) : this()
    {
        ArgumentNullException.ThrowIfNull(trigger);
        Id = Guid.CreateVersion7();
        CustomerId = customerId;
        Trigger = trigger.Kind;
        Rearm(trigger, occurredAt);
    }

    public Guid Id { get; private set; }

    public CustomerId CustomerId { get; private set; }

    public OfferTriggerKind Trigger { get; private set; }

    public string ReasonEnglish { get; private set; }

    public string ReasonSpanish { get; private set; }

    /// <summary>When the newest event of this kind happened.</summary>
    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>Null while the suggestion waits for the rep.</summary>
    public DateTimeOffset? DismissedAt { get; private set; }

    public UserId? DismissedBy { get; private set; }

    public LocalizedText Reason => new(ReasonEnglish, ReasonSpanish);

    /// <summary>A newer event of the same kind: its reason replaces the old one and the suggestion waits again.</summary>
    public void Rearm(OfferTrigger trigger, DateTimeOffset occurredAt)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ReasonEnglish = Cut(trigger.Reason.English);
        ReasonSpanish = Cut(trigger.Reason.Spanish);
        OccurredAt = occurredAt.ToUniversalTime();
        DismissedAt = null;
        DismissedBy = null;
    }

    public void Dismiss(UserId by, DateTimeOffset now)
    {
        DismissedAt = now.ToUniversalTime();
        DismissedBy = by;
    }

    private static string Cut(string text) => text.Length <= MaxReasonLength ? text : text[..(MaxReasonLength - 1)] + "…";
}
