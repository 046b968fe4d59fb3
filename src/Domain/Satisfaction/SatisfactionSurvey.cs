using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Satisfaction;

/// <summary>Where a satisfaction survey stands.</summary>
public enum SurveyStatus
{
    /// <summary>Queued with the resolution; the e-mail has not gone out yet.</summary>
    Pending = 0,

    /// <summary>E-mailed: the link works once, until it expires.</summary>
    Sent = 1,

    /// <summary>Not e-mailed, for the reason in <see cref="SatisfactionSurvey.NotSentReason"/>.</summary>
    NotSent = 2,

    /// <summary>The customer gave a score.</summary>
    Answered = 3,
}

/// <summary>Why a survey was not e-mailed.</summary>
public enum SurveyNotSentReason
{
    /// <summary>The customer has no e-mail address on record.</summary>
    NoEmail = 1,

    /// <summary>The consent rule refused service messages by e-mail (the customer withdrew them).</summary>
    NoConsent = 2,

    /// <summary>The customer was erased or merged away before the e-mail went out.</summary>
    CustomerGone = 3,

    /// <summary>ChatCrm has no mail server or public address set up (Smtp, Satisfaction:PublicBaseUrl).</summary>
    NotConfigured = 4,
}

/// <summary>
/// The one customer-satisfaction question a resolution of a support case asks: queued in the same save as the
/// resolution (one row per case and resolution, so two instances or a retry never ask twice; a case reopened and
/// resolved again asks again), then e-mailed as a single-use link (only its hash is kept) or not sent with a reason,
/// then answered once with a score of 1–5 and an optional comment.
/// </summary>
public sealed class SatisfactionSurvey
{
    public const int MinScore = 1;
    public const int MaxScore = 5;
    public const int MaxCommentLength = 1000;

    private SatisfactionSurvey()
    {
    }

    public Guid Id { get; private set; }

    public SupportCaseId CaseId { get; private set; }

    public CustomerId CustomerId { get; private set; }

    /// <summary>The sequence of the history entry that resolved the case: which resolution this survey asks about.</summary>
    public int ResolutionSequence { get; private set; }

    /// <summary>Who resolved the case (the history's "by" of the answer, and the actor of the sending's audit entry).</summary>
    public UserId ResolvedBy { get; private set; }

    public DateTimeOffset QueuedAt { get; private set; }

    public SurveyStatus Status { get; private set; }

    /// <summary>The SHA-256 of the link's token, in hex; null until the e-mail goes out.</summary>
    public string? TokenHash { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public SurveyNotSentReason? NotSentReason { get; private set; }

    public int? Score { get; private set; }

    public string? Comment { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public static SatisfactionSurvey Queue(SupportCaseId caseId, CustomerId customerId, int resolutionSequence, UserId resolvedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        CaseId = caseId,
        CustomerId = customerId,
        ResolutionSequence = resolutionSequence,
        ResolvedBy = resolvedBy,
        QueuedAt = now.ToUniversalTime(),
        Status = SurveyStatus.Pending,
    };

    /// <summary>
    /// Gives the survey a fresh link, stored before the e-mail goes out so that it works the moment the mail arrives; a
    /// retry after a failed send issues another, so only the last link works.
    /// </summary>
    public void Issue(string tokenHash, DateTimeOffset now, TimeSpan lifetime)
    {
        if (Status != SurveyStatus.Pending)
            throw new DomainRuleException("Only a pending survey gets a link.");
        if (lifetime <= TimeSpan.Zero)
            throw new DomainRuleException("A survey link must be valid for some time.");
        TokenHash = Guard.RequiredText(tokenHash, "token hash", 128);
        ExpiresAt = (now + lifetime).ToUniversalTime();
    }

    /// <summary>The e-mail with the issued link went out.</summary>
    public void MarkSent(DateTimeOffset now)
    {
        if (Status != SurveyStatus.Pending || TokenHash is null)
            throw new DomainRuleException("Only a pending survey with a link can be sent.");
        SentAt = now.ToUniversalTime();
        Status = SurveyStatus.Sent;
    }

    public void MarkNotSent(SurveyNotSentReason reason)
    {
        if (Status != SurveyStatus.Pending)
            throw new DomainRuleException("Only a pending survey can be skipped.");
        NotSentReason = reason;
        Status = SurveyStatus.NotSent;
    }

    /// <summary>Whether the link still takes an answer at <paramref name="now"/>: issued, not answered and not expired.</summary>
    public bool OpensAt(DateTimeOffset now) =>
        Status is SurveyStatus.Sent or SurveyStatus.Pending && TokenHash is not null && ExpiresAt is { } expires && now < expires;

    /// <summary>Records the customer's answer (checked by <see cref="SatisfactionAnswer.Read"/>); an answered or expired survey takes none.</summary>
    public void Answer(SatisfactionAnswer answer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (!OpensAt(now))
            throw new DomainRuleException("This survey was already answered or has expired.");
        Score = answer.Score;
        Comment = answer.Comment;
        AnsweredAt = now.ToUniversalTime();
        Status = SurveyStatus.Answered;
    }

    /// <summary>The customer's erasure: their words go, the score stays for the statistics.</summary>
    public void Redact()
    {
        if (Comment is not null)
            Comment = Interactions.Interaction.ErasedText;
    }
}
