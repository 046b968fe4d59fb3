namespace ChatCrm.Domain.Consents;

public readonly record struct ConsentRecordId(Guid Value)
{
    public static ConsentRecordId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString("N");
}
