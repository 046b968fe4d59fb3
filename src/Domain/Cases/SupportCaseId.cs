namespace ChatCrm.Domain.Cases;

public readonly record struct SupportCaseId(Guid Value)
{
    public static SupportCaseId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString("N");
}
