using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.PrivacyCentre;

public enum ErasureRequestStatus
{
    /// <summary>Waiting for a privacy officer to confirm it.</summary>
    Pending = 1,

    /// <summary>A privacy officer confirmed it and the customer was anonymised.</summary>
    Done = 2,
}

/// <summary>
/// A customer's own request, made in the privacy centre, to have their data erased. A privacy officer confirms it
/// in chat by <see cref="DueBy"/> (the deadline the company set); the customer sees where it stands.
/// One pending request per customer is enough: asking again shows the one already waiting.
/// </summary>
public sealed class ErasureRequest
{
    private ErasureRequest()
    {
    }

    public Guid Id { get; private set; }

    public CustomerId CustomerId { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public DateTimeOffset DueBy { get; private set; }

    public ErasureRequestStatus Status { get; private set; }

    public DateTimeOffset? DoneAt { get; private set; }

    public UserId? DoneBy { get; private set; }

    /// <summary>
    /// The hash of the token the asking browser keeps, so the customer can still see the request done after erasure has
    /// ended every session (nothing else about them is left to sign in with). Null on requests made before it existed.
    /// </summary>
    public string? StatusTokenHash { get; private set; }

    public const int StatusTokenHashLength = 64;

    public static ErasureRequest Make(CustomerId customerId, DateTimeOffset now, TimeSpan deadline, string statusTokenHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(statusTokenHash);
        if (deadline <= TimeSpan.Zero)
            throw new DomainRuleException("An erasure request needs a deadline.");
        return new ErasureRequest
        {
            Id = Guid.NewGuid(),
            CustomerId = customerId,
            RequestedAt = now.ToUniversalTime(),
            DueBy = (now + deadline).ToUniversalTime(),
            Status = ErasureRequestStatus.Pending,
            StatusTokenHash = statusTokenHash,
        };
    }

    /// <summary>The customer asked again from another browser while this one waits: that browser is the one that follows it now.</summary>
    public void FollowFrom(string statusTokenHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(statusTokenHash);
        StatusTokenHash = statusTokenHash;
    }

    /// <summary>Whether the deadline has passed with the request still waiting.</summary>
    public bool IsOverdueAt(DateTimeOffset now) => Status == ErasureRequestStatus.Pending && now > DueBy;

    /// <param name="by">The privacy officer who carried it out, when known (the audit trail's erasure entry names them too).</param>
    public void MarkDone(UserId? by, DateTimeOffset now)
    {
        if (Status != ErasureRequestStatus.Pending)
            throw new DomainRuleException("This erasure request was already carried out.");
        Status = ErasureRequestStatus.Done;
        DoneAt = now.ToUniversalTime();
        DoneBy = by;
    }
}
