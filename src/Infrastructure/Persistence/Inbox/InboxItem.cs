namespace ChatCrm.Infrastructure.Persistence.Inbox;

/// <summary>Where an accepted piece of chat work stands.</summary>
public enum InboxStatus
{
    /// <summary>Accepted and waiting for (or held by) a worker.</summary>
    Pending = 1,

    /// <summary>Finished; its payload has been cleared.</summary>
    Done = 2,

    /// <summary>Given up after too many attempts; kept for an operator to look at.</summary>
    Failed = 3,
}

/// <summary>
/// One piece of work a chat channel accepted and acknowledged before doing it (a Slack event, slash command or
/// interaction; later a Teams turn). It is written before the acknowledgement, so a process that stops loses
/// nothing: whichever instance is running picks it up. The unique (channel, dedup key) pair makes a platform's
/// retries and a second instance receiving the same delivery harmless; the lease and the concurrency token make
/// sure only one worker holds an item at a time, and an expired lease lets another take over.
/// </summary>
public sealed class InboxItem
{
    public const int MaxChannelLength = 20;
    public const int MaxKindLength = 40;
    public const int MaxDedupKeyLength = 300;
    public const int MaxOwnerLength = 100;
    public const int MaxErrorLength = 200;

    private InboxItem()
    {
        Channel = string.Empty;
        Kind = string.Empty;
        DedupKey = string.Empty;
    }

    public InboxItem(string channel, string kind, string dedupKey, string payload, DateTimeOffset receivedAt, string? orderingKey = null)
    {
        OrderingKey = orderingKey is null ? null : Bounded(orderingKey, MaxDedupKeyLength, nameof(orderingKey));
        Id = Guid.NewGuid();
        Channel = Bounded(channel, MaxChannelLength, nameof(channel));
        Kind = Bounded(kind, MaxKindLength, nameof(kind));
        DedupKey = Bounded(dedupKey, MaxDedupKeyLength, nameof(dedupKey));
        Payload = payload ?? throw new ArgumentNullException(nameof(payload));
        ReceivedAt = receivedAt.ToUniversalTime();
        Status = InboxStatus.Pending;
    }

    public Guid Id { get; private set; }

    /// <summary>The chat channel whose handler does the work ("slack", "teams").</summary>
    public string Channel { get; private set; }

    /// <summary>What the work is, for the channel's handler ("command", "event", "interaction").</summary>
    public string Kind { get; private set; }

    /// <summary>
    /// Items with the same key (one person's conversation) are done one after another, in the order they arrived;
    /// items with different keys, or none, may run side by side.
    /// </summary>
    public string? OrderingKey { get; private set; }

    /// <summary>The platform's id of the delivery (Slack's <c>event_id</c>, or one derived from a trigger id).</summary>
    public string DedupKey { get; private set; }

    /// <summary>The work as the channel wrote it (JSON). Cleared when done: the turn is stored elsewhere by then.</summary>
    public string? Payload { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public InboxStatus Status { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>Until when the worker named <see cref="LeaseOwner"/> holds the item; afterwards anyone may take it.</summary>
    public DateTimeOffset? LeaseUntil { get; private set; }

    public string? LeaseOwner { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Why the last attempt failed: an exception type or error code, never customer data.</summary>
    public string? LastError { get; private set; }

    public bool IsClaimable(DateTimeOffset now) => Status == InboxStatus.Pending && (LeaseUntil is null || LeaseUntil <= now);

    public void Claim(string owner, DateTimeOffset now, TimeSpan lease)
    {
        if (!IsClaimable(now))
            throw new InvalidOperationException("The item is not claimable.");
        LeaseOwner = Bounded(owner, MaxOwnerLength, nameof(owner));
        LeaseUntil = now + lease;
        Attempts++;
    }

    public void Complete(DateTimeOffset now)
    {
        Status = InboxStatus.Done;
        CompletedAt = now;
        LeaseUntil = null;
        Payload = null;
    }

    /// <summary>Records a failed attempt: the item waits until <paramref name="retryAt"/>, or is given up after <paramref name="maxAttempts"/>.</summary>
    public void Fail(string error, DateTimeOffset retryAt, int maxAttempts)
    {
        LastError = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        LeaseUntil = retryAt;
        if (Attempts >= maxAttempts)
            Status = InboxStatus.Failed;
    }

    /// <summary>
    /// Puts the item back to wait until <paramref name="until"/> (quiet hours, say) without counting the attempt: the
    /// claim's attempt is given back, the lease released and the payload (cleared if the item was being completed) kept.
    /// </summary>
    public void Defer(DateTimeOffset until, string payload)
    {
        Payload = payload ?? throw new ArgumentNullException(nameof(payload));
        Status = InboxStatus.Pending;
        CompletedAt = null;
        LeaseOwner = null;
        LeaseUntil = until.ToUniversalTime();
        Attempts = Math.Max(0, Attempts - 1);
    }

    /// <summary>
    /// The customer's erasure: a handled request's stored body (the chat text or form a user sent) goes once it names the
    /// customer; the row stays as the record that the request came and was handled. A pending request keeps its body
    /// until it runs, and then finds the customer erased.
    /// </summary>
    public bool ForgetPayloadIfHandled()
    {
        if (Status == InboxStatus.Pending || Payload is null)
            return false;
        Payload = null;
        return true;
    }

    /// <summary>Done, though the work could not be done and never will be (no one to send to): <paramref name="reason"/> says why, never customer data.</summary>
    public void CompleteUndone(string reason, DateTimeOffset now)
    {
        Complete(now);
        LastError = Bounded(reason, MaxErrorLength, nameof(reason));
    }

    private static string Bounded(string value, int max, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        return value.Length <= max ? value : throw new ArgumentException($"At most {max} characters.", name);
    }
}
