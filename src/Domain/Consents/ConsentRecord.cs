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

    /// <summary>
    /// The customer's erasure: the statement stays (purpose, channel, granted or not, when), its free-text source
    /// goes, since whoever recorded it may have written the customer's words or name there.
    /// </summary>
    public void RedactSource() => Source = Interactions.Interaction.ErasedText;

    /// <summary>The statement's id in the system it came from (normalised like every external id); null when it was recorded here.</summary>
    public string? ExternalId { get; private set; }

    public static ConsentRecord Grant(CustomerId customerId, ConsentPurpose purpose, ContactChannel channel, string source, DateTimeOffset at) =>
        Record(customerId, purpose, channel, granted: true, source, at, externalId: null);

    public static ConsentRecord Withdraw(CustomerId customerId, ConsentPurpose purpose, ContactChannel channel, string source, DateTimeOffset at) =>
        Record(customerId, purpose, channel, granted: false, source, at, externalId: null);

    /// <summary>A grant or a withdrawal, as another system recorded it under <paramref name="externalId"/> (null when recorded here).</summary>
    public static ConsentRecord Record(CustomerId customerId, ConsentPurpose purpose, ContactChannel channel, bool granted, string source, DateTimeOffset at, string? externalId)
    {
        if (!Enum.IsDefined(purpose))
            throw new DomainRuleException($"{purpose} is not a consent purpose.");
        if (!Enum.IsDefined(channel))
            throw new DomainRuleException($"{channel} is not a contact channel.");
        return new(ConsentRecordId.New(), customerId, purpose, channel, granted, Guard.RequiredText(source, "consent source", 200), at.ToUniversalTime())
        {
            ExternalId = externalId is null ? null : IdentityNormalizer.Normalize(IdentityKind.ExternalId, externalId),
        };
    }

    /// <summary>Whether this record already says exactly that (records are never edited, so a re-import can only match or clash).</summary>
    public bool States(CustomerId customerId, ConsentPurpose purpose, ContactChannel channel, bool granted, string source, DateTimeOffset at) =>
        CustomerId == customerId && Purpose == purpose && Channel == channel && Granted == granted
        && string.Equals(Source, source?.Trim(), StringComparison.Ordinal) && RecordedAt == at.ToUniversalTime();

    /// <summary>Moves this consent statement to the record another record of the same customer was merged into.</summary>
    public void MoveTo(CustomerId survivorId) => CustomerId = survivorId;
}
