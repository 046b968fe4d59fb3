namespace ChatCrm.Infrastructure.Seeding;

/// <summary>Running counts of what a seeding run has written, chunk by chunk.</summary>
internal sealed class SeedChunkTotals
{
    public int Customers { get; private set; }

    public int Identities { get; private set; }

    public int Interactions { get; private set; }

    public int Orders { get; private set; }

    public int Consents { get; private set; }

    public int OfferPresentations { get; private set; }

    public void Add(SeedChunk chunk)
    {
        Customers += chunk.Customers.Count;
        Identities += chunk.Identities.Count;
        Interactions += chunk.Interactions.Count;
        Orders += chunk.Orders.Count;
        Consents += chunk.Consents.Count;
        OfferPresentations += chunk.OfferPresentations.Count;
    }
}
