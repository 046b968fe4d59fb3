using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Digests;

/// <summary>
/// A digest for one manager and one period, claimed before it is composed and queued for sending. The pair is unique in
/// the database, so when two instances (or a restart) reach the same period, the second claim fails and only one digest
/// goes out; the row then records when it was queued, or why it could not be.
/// </summary>
public sealed class DigestDelivery
{
    public const int MaxPeriodKeyLength = 40;
    public const int MaxFailureLength = 200;

    private DigestDelivery()
    {
        PeriodKey = string.Empty;
    }

    public Guid Id { get; private set; }

    public UserId ManagerId { get; private set; }

    public string PeriodKey { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    public DigestChannel Channel { get; private set; }

    public DateTimeOffset ClaimedAt { get; private set; }

    /// <summary>When the digest was queued for its chat; the queue delivers it, retrying until it does.</summary>
    public DateTimeOffset? SentAt { get; private set; }

    public string? Failure { get; private set; }

    public static DigestDelivery Claim(UserId managerId, DigestOccurrence occurrence, DigestChannel channel, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(occurrence);
        return new DigestDelivery
        {
            Id = Guid.NewGuid(),
            ManagerId = managerId,
            PeriodKey = Guard.RequiredText(occurrence.PeriodKey, "period", MaxPeriodKeyLength),
            DueAt = occurrence.DueAt,
            Channel = channel,
            ClaimedAt = now.ToUniversalTime(),
        };
    }

    public void Queued(DateTimeOffset now) => SentAt = now.ToUniversalTime();

    public void Failed(string reason) => Failure = reason.Length <= MaxFailureLength ? reason : reason[..MaxFailureLength];
}
