using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Interactions;

/// <summary>One contact with a customer, as logged by the person who had it.</summary>
public sealed class Interaction
{
    public const int MaxSummaryLength = 4000;
    public const int MaxOutcomeLength = 1000;
    private static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    private Interaction()
    {
        Summary = string.Empty;
    }

    private Interaction(InteractionId id, CustomerId customerId, UserId loggedBy, DateTimeOffset occurredAt, DateTimeOffset recordedAt,
        InteractionChannel channel, InteractionKind kind, string summary, string? outcome, DateOnly? followUpOn)
    {
        Id = id;
        CustomerId = customerId;
        LoggedBy = loggedBy;
        OccurredAt = occurredAt;
        RecordedAt = recordedAt;
        Channel = channel;
        Kind = kind;
        Summary = summary;
        Outcome = outcome;
        FollowUpOn = followUpOn;
        FollowUpOwner = followUpOn is null ? null : loggedBy;
    }

    public InteractionId Id { get; private set; }

    public CustomerId CustomerId { get; private set; }

    public UserId LoggedBy { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public InteractionChannel Channel { get; private set; }

    public InteractionKind Kind { get; private set; }

    public string Summary { get; private set; }

    public string? Outcome { get; private set; }

    public DateOnly? FollowUpOn { get; private set; }

    /// <summary>
    /// Who answers for the follow-up: its author when logged, the customer's new owner once the account is handed over
    /// (<see cref="HandFollowUpTo"/>); null when there is no follow-up.
    /// </summary>
    public UserId? FollowUpOwner { get; private set; }

    /// <summary>Current, or amended or withdrawn by its author (then it counts nowhere, but stays on record as written).</summary>
    public InteractionState State { get; private set; }

    /// <summary>On a correction: the first version it replaces (the chain's start, whichever version was corrected).</summary>
    public InteractionId? AmendmentOf { get; private set; }

    /// <summary>When it stopped being current (amended or withdrawn); null while current.</summary>
    public DateTimeOffset? StateChangedAt { get; private set; }

    /// <summary>The text placed where an erased customer's words were.</summary>
    public const string ErasedText = "[erased]";

    /// <summary>Removes what was said (the customer's erasure); when, how and by whom stay for the statistics.</summary>
    public void Redact()
    {
        Summary = ErasedText;
        Outcome = null;
    }

    /// <summary>
    /// Logs a contact. It cannot lie in the future, and a follow-up cannot come before it — on the calendar of
    /// <paramref name="localZone"/> (the logging user's time zone; UTC when not given).
    /// </summary>
    public static Interaction Log(CustomerId customerId, UserId loggedBy, DateTimeOffset occurredAt, DateTimeOffset now,
        InteractionChannel channel, InteractionKind kind, string summary, string? outcome, DateOnly? followUpOn,
        TimeZoneInfo? localZone = null)
    {
        var occurred = occurredAt.ToUniversalTime();
        if (occurred > now + AllowedClockSkew)
            throw new DomainRuleException("An interaction cannot be logged for a time in the future.");
        var occurredOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(occurred, localZone ?? TimeZoneInfo.Utc).DateTime);
        if (followUpOn is { } followUp && followUp < occurredOn)
            throw new DomainRuleException("The follow-up date cannot be before the interaction itself.");

        return new Interaction(InteractionId.New(), customerId, loggedBy, occurred, now.ToUniversalTime(), channel, kind,
            Guard.RequiredText(summary, "summary", MaxSummaryLength),
            Guard.OptionalText(outcome, "outcome", MaxOutcomeLength),
            followUpOn);
    }

    /// <summary>
    /// Its author's correction: a new current version with the corrected fields (checked as when logging), while this
    /// one stays on record, unchanged but for its state. Who may correct, and until when, is <see cref="OwnLogCorrection"/>.
    /// </summary>
    public Interaction Amend(DateTimeOffset occurredAt, DateTimeOffset now, InteractionChannel channel, InteractionKind kind,
        string summary, string? outcome, DateOnly? followUpOn, TimeZoneInfo? localZone = null)
    {
        EnsureCurrent();
        var amendment = Log(CustomerId, LoggedBy, occurredAt, now, channel, kind, summary, outcome, followUpOn, localZone);
        amendment.AmendmentOf = AmendmentOf ?? Id;
        // A follow-up handed over before the correction stays with whoever took it over.
        if (amendment.FollowUpOn is not null && FollowUpOwner is { } owner)
            amendment.FollowUpOwner = owner;
        State = InteractionState.Amended;
        StateChangedAt = now.ToUniversalTime();
        return amendment;
    }

    /// <summary>The customer changed hands: the follow-up promised here becomes <paramref name="heir"/>'s to keep.</summary>
    public void HandFollowUpTo(UserId heir)
    {
        EnsureCurrent();
        if (FollowUpOn is null)
            throw new DomainRuleException("This interaction set no follow-up to hand over.");
        FollowUpOwner = heir;
    }

    /// <summary>Its author takes it back: it counts nowhere from now on, and stays on record as withdrawn.</summary>
    public void Withdraw(DateTimeOffset now)
    {
        EnsureCurrent();
        State = InteractionState.Withdrawn;
        StateChangedAt = now.ToUniversalTime();
    }

    private void EnsureCurrent()
    {
        if (State != InteractionState.Current)
            throw new DomainRuleException("Only a current interaction can be amended or withdrawn.");
    }

    /// <summary>Moves this interaction to the record another record of the same customer was merged into.</summary>
    public void MoveTo(CustomerId survivorId) => CustomerId = survivorId;
}
