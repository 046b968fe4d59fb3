using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;

namespace ChatCrm.Domain.Consents;

/// <summary>
/// One statement of a customer's will: granted or withdrawn, for a purpose on a channel, from a source,
/// at a time. Records are never edited; a newer record supersedes an older one.
/// </summary>
public sealed class ConsentRecord
{
    private ConsentRecord()
    {
        Source = string.Empty;
    }

    private ConsentRecord(ConsentRecordId id, CustomerId customerId, ConsentPurpose purpose, ContactChannel channel, bool granted, string source, DateTimeOffset recordedAt)
    {
        Id = id;
        CustomerId = customerId;
        Purpose = purpose;
        Channel = channel;
        Granted = granted;
        Source = source;
        RecordedAt = recordedAt;
    }

    public ConsentRecordId Id { get; private set; }

    public CustomerId CustomerId { get; private set; }

    public ConsentPurpose Purpose { get; private set; }

    public ContactChannel Channel { get; private set; }

    public bool Granted { get; private set; }

    /// <summary>Where the statement came from ("web form", "signed contract", "call with rep").</summary>
    public string Source { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public static ConsentRecord Grant(CustomerId customerId, ConsentPurpose purpose, ContactChannel channel, string source, DateTimeOffset at) =>
        new(ConsentRecordId.New(), customerId, purpose, channel, granted: true, Guard.RequiredText(source, "consent source", 200), at.ToUniversalTime());

    public static ConsentRecord Withdraw(CustomerId customerId, ConsentPurpose purpose, ContactChannel channel, string source, DateTimeOffset at) =>
        new(ConsentRecordId.New(), customerId, purpose, channel, granted: false, Guard.RequiredText(source, "consent source", 200), at.ToUniversalTime());

    /// <summary>Moves this consent statement to the record another record of the same customer was merged into.</summary>
    public void MoveTo(CustomerId survivorId) => CustomerId = survivorId;
}
