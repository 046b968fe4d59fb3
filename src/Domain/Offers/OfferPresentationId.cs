namespace ChatCrm.Domain.Offers;

public readonly record struct OfferPresentationId(Guid Value)
{
    public static OfferPresentationId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString("N");
}
