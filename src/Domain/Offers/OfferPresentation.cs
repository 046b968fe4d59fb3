using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Offers;

/// <summary>
/// One offer shown to a rep for one customer: who saw it, when, on which chat tool, for which contact channel, how it
/// was ranked, and what the customer answered. Every card stores one per suggestion, so the propensity model learns
/// from what was really put in front of reps, and the eligibility rules (cooling-off, once a week) from what was
/// really said.
/// <para>
/// The current answer is kept here and every answer also in <see cref="OfferAnswer"/> rows: pressing the same button
/// twice changes nothing, and a rep who changes their mind (a mis-tap on "Decline") replaces the answer while the
/// earlier one stays on record. Refusing the change would have left a mis-tap blocking the offer for the whole
/// cooling-off period, since the offer is not suggested again in that time.
/// </para>
/// </summary>
public sealed class OfferPresentation
{
    public const int MaxChatChannelLength = 20;

    private OfferPresentation()
    {
        ChatChannel = string.Empty;
    }

    public OfferPresentation(OfferPresentationId id, CustomerId customerId, OfferId offerId, UserId presentedTo, DateTimeOffset presentedAt,
        string chatChannel, ContactChannel contactChannel, OfferRankingSource rankedBy, Guid? modelVersionId)
    {
        Id = id;
        CustomerId = customerId;
        OfferId = offerId;
        PresentedTo = presentedTo;
        PresentedAt = presentedAt.ToUniversalTime();
        ChatChannel = Guard.RequiredText(chatChannel, "chat channel", MaxChatChannelLength);
        ContactChannel = contactChannel;
        RankedBy = rankedBy;
        ModelVersionId = rankedBy == OfferRankingSource.Model ? modelVersionId : null;
    }

    public OfferPresentationId Id { get; private set; }

    public CustomerId CustomerId { get; private set; }

    public OfferId OfferId { get; private set; }

    /// <summary>The rep the offer was suggested to.</summary>
    public UserId PresentedTo { get; private set; }

    public DateTimeOffset PresentedAt { get; private set; }

    /// <summary>The chat tool the card was shown in ("Teams", "Slack").</summary>
    public string ChatChannel { get; private set; }

    /// <summary>The channel the offer would go out on, which consent was checked for.</summary>
    public ContactChannel ContactChannel { get; private set; }

    public OfferRankingSource RankedBy { get; private set; }

    /// <summary>The model version that ranked it; null when rules did.</summary>
    public Guid? ModelVersionId { get; private set; }

    /// <summary>The customer's answer as it stands; null until someone presses a button.</summary>
    public OfferResponse? Response { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public UserId? AnsweredBy { get; private set; }

    /// <summary>
    /// Records <paramref name="response"/>: nothing changes when it is already the answer (a second press, a retry);
    /// otherwise it becomes the answer and the returned row keeps it on record.
    /// </summary>
    public OfferAnswerOutcome Answer(OfferResponse response, UserId by, DateTimeOffset at)
    {
        if (!Enum.IsDefined(response))
            throw new DomainRuleException($"'{response}' is not an answer to an offer.");
        if (Response == response)
            return new OfferAnswerOutcome(OfferAnswerChange.Unchanged, Response, null);
        var previous = Response;
        Response = response;
        AnsweredAt = at.ToUniversalTime();
        AnsweredBy = by;
        var row = new OfferAnswer(Id, response, by, AnsweredAt.Value, previous);
        return new OfferAnswerOutcome(previous is null ? OfferAnswerChange.Recorded : OfferAnswerChange.Changed, previous, row);
    }
}

public enum OfferAnswerChange
{
    /// <summary>The first answer to this presentation.</summary>
    Recorded,

    /// <summary>The same answer again: nothing stored.</summary>
    Unchanged,

    /// <summary>A different answer replaced the earlier one, which stays on record.</summary>
    Changed,
}

/// <summary>What <see cref="OfferPresentation.Answer"/> did: the change, the answer before it, and the row to store (null when unchanged).</summary>
public sealed record OfferAnswerOutcome(OfferAnswerChange Change, OfferResponse? Previous, OfferAnswer? Row);

/// <summary>An answer given to a presentation, kept for good (a later answer replaces it on the presentation, not here).</summary>
public sealed class OfferAnswer
{
    private OfferAnswer()
    {
    }

    internal OfferAnswer(OfferPresentationId presentationId, OfferResponse response, UserId answeredBy, DateTimeOffset answeredAt, OfferResponse? replaced)
    {
        Id = Guid.CreateVersion7();
        PresentationId = presentationId;
        Response = response;
        AnsweredBy = answeredBy;
        AnsweredAt = answeredAt;
        Replaced = replaced;
    }

    public Guid Id { get; private set; }

    public OfferPresentationId PresentationId { get; private set; }

    public OfferResponse Response { get; private set; }

    public UserId AnsweredBy { get; private set; }

    public DateTimeOffset AnsweredAt { get; private set; }

    /// <summary>The answer this one replaced; null for the first.</summary>
    public OfferResponse? Replaced { get; private set; }
}
