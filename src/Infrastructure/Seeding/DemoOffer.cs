using ChatCrm.Domain.Offers;

namespace ChatCrm.Infrastructure.Seeding;

/// <summary>A catalog offer with what the seeder needs to invent orders for it: a list price and how often it sells.</summary>
internal sealed record DemoOffer(Offer Offer, decimal ListPrice, int SalesWeight)
{
    /// <summary>An offer found in the database (not from <see cref="DemoOfferCatalog"/>): a price by category.</summary>
    public static DemoOffer Existing(Offer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var price = offer.Category switch
        {
            DemoOfferCatalog.Software => 1200m,
            DemoOfferCatalog.Hardware => 800m,
            DemoOfferCatalog.Services => 4000m,
            DemoOfferCatalog.Training => 900m,
            DemoOfferCatalog.Support => 1000m,
            _ => 500m,
        };
        return new DemoOffer(offer, price, 1);
    }
}
