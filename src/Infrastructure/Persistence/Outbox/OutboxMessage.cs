namespace ChatCrm.Infrastructure.Persistence.Outbox;

/// <summary>Where a written-down reply stands.</summary>
public enum OutboxStatus
{
    /// <summary>Written with its turn and not yet delivered: held by the instance sending it, or waiting for any worker.</summary>
    Pending = 1,

    /// <summary>The channel accepted it; its body has been cleared.</summary>
    Delivered = 2,

    /// <summary>Refused by the channel for good, or given up after too many attempts; kept for an operator.</summary>
    Failed = 3,
}

/// <summary>
/// One outgoing chat message written in the same transaction as the turn that produced it, so a process that stops
/// between the commit and the send loses no reply: any instance's worker delivers what is still pending once the
/// writer's lease has run out. The channel adapter that wrote it is the only one that reads <see cref="Address"/> and
/// <see cref="Body"/> (its own serialized delivery address and wire body); the row itself knows no channel's types.
/// Messages with the same <see cref="OrderingKey"/> (one conversation) are delivered in the order they were written.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxChannelLength = 20;
    public const int MaxOrderingKeyLength = 300;
    public const int MaxOwnerLength = 150;
    public const int MaxErrorLength = 200;

    private OutboxMessage()
    {
        Channel = string.Empty;
        OrderingKey = string.Empty;
        Address = string.Empty;
    }

    /// <summary>
    /// A message written by <paramref name="owner"/>, which holds it until <paramref name="now"/> + <paramref name="lease"/>
    /// to deliver it at once after the commit (its first attempt); <paramref name="position"/> orders the messages of one turn.
    /// </summary>
    public OutboxMessage(string channel, string orderingKey, int position, string address, string body, string owner, DateTimeOffset now, TimeSpan lease)
    {
        Id = Guid.NewGuid();
        Channel = Bounded(channel, MaxChannelLength, nameof(channel));
        OrderingKey = Bounded(orderingKey, MaxOrderingKeyLength, nameof(orderingKey));
        Position = position;
        Address = address ?? throw new ArgumentNullException(nameof(address));
        Body = body ?? throw new ArgumentNullException(nameof(body));
        CreatedAt = now.ToUniversalTime();
        Status = OutboxStatus.Pending;
        LeaseOwner = Bounded(owner, MaxOwnerLength, nameof(owner));
        LeaseUntil = CreatedAt + lease;
        Attempts = 1;
    }

    public Guid Id { get; private set; }

    /// <summary>The channel whose delivery sends it ("slack", "teams").</summary>
    public string Channel { get; private set; }

    /// <summary>The conversation: its messages go out one after another, in the order written.</summary>
    public string OrderingKey { get; private set; }

    /// <summary>The message's place among those its turn wrote.</summary>
    public int Position { get; private set; }

    /// <summary>Where to send it, as the channel adapter serialized it.</summary>
    public string Address { get; private set; }

    /// <summary>What to send, as the channel adapter rendered it. Cleared once delivered: it may show a customer.</summary>
    public string? Body { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public OutboxStatus Status { get; private set; }

    /// <summary>Delivery attempts so far, the writer's own first one included.</summary>
    public int Attempts { get; private set; }

    /// <summary>Until when <see cref="LeaseOwner"/> holds it (or, after a failed attempt, when it may be tried again).</summary>
    public DateTimeOffset? LeaseUntil { get; private set; }

    public string? LeaseOwner { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>Why the last attempt failed: the channel's error code, never message content.</summary>
    public string? LastError { get; private set; }

    public bool IsClaimable(DateTimeOffset now) => Status == OutboxStatus.Pending && (LeaseUntil is null || LeaseUntil <= now);

    public void Claim(string owner, DateTimeOffset now, TimeSpan lease)
    {
        if (!IsClaimable(now))
            throw new InvalidOperationException("The message is not claimable.");
        LeaseOwner = Bounded(owner, MaxOwnerLength, nameof(owner));
        LeaseUntil = now + lease;
        Attempts++;
    }

    /// <summary>Records a failed attempt: tried again from <paramref name="retryAt"/>, or given up after <paramref name="maxAttempts"/>.</summary>
    public void Fail(string error, DateTimeOffset retryAt, int maxAttempts)
    {
        LastError = Truncated(error);
        LeaseOwner = null;
        LeaseUntil = retryAt;
        if (Attempts >= maxAttempts)
            Status = OutboxStatus.Failed;
    }

    /// <summary>The channel refused it for good (a deleted conversation, an expired reply address): never tried again.</summary>
    public void Refuse(string reason)
    {
        LastError = Truncated(reason);
        LeaseOwner = null;
        LeaseUntil = null;
        Status = OutboxStatus.Failed;
    }

    /// <summary>
    /// The customer's erasure: a settled (failed) reply's body goes once it names the customer; the row stays as the
    /// record that a reply was due. A pending reply keeps its body until it is sent (and then loses it anyway).
    /// </summary>
    public bool ForgetBodyIfSettled()
    {
        if (Status == OutboxStatus.Pending || Body is null)
            return false;
        Body = null;
        return true;
    }

    private static string Truncated(string error) => error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;

    private static string Bounded(string value, int max, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        return value.Length <= max ? value : throw new ArgumentException($"At most {max} characters.", name);
    }
}
