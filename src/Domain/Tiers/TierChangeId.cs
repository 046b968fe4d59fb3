namespace ChatCrm.Domain.Tiers;

public readonly record struct TierChangeId(Guid Value)
{
    public static TierChangeId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString("N");
}
