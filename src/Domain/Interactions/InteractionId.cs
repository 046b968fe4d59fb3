namespace ChatCrm.Domain.Interactions;

public readonly record struct InteractionId(Guid Value)
{
    public static InteractionId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString("N");
}
