using Bogus;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Orders;

namespace ChatCrm.Infrastructure.Seeding;

/// <summary>
/// A customer's orders: about three, for catalog products weighted by how often each sells. Amounts are the
/// list price times a per-customer spending scale drawn from a Pareto distribution, so a few customers spend
/// most of the money (what value tiers are meant to find), with a little noise per order.
/// </summary>
internal sealed class OrderHistoryGenerator
{
    private static readonly WeightedChoice<int> OrderCounts = new([(0, 5), (1, 15), (2, 25), (3, 25), (4, 15), (5, 10), (6, 5)]);

    private readonly Randomizer _random;
    private readonly WeightedChoice<DemoOffer> _offers;
    private readonly DateTimeOffset _now;

    public OrderHistoryGenerator(Randomizer random, IReadOnlyList<DemoOffer> offers, DateTimeOffset now)
    {
        _random = random;
        _offers = new WeightedChoice<DemoOffer>(offers.Select(o => (o, o.SalesWeight)));
        _now = now;
    }

    public void AddOrders(Customer customer, DemoCountry country, List<Order> into)
    {
        var count = OrderCounts.Pick(_random);
        if (count == 0)
            return;

        var spendingScale = _random.Pareto(minimum: 0.4, shape: 1.2, cap: 120);
        for (var i = 0; i < count; i++)
        {
            var offer = _offers.Pick(_random);
            var quantity = offer.Offer.Category is DemoOfferCatalog.Hardware or DemoOfferCatalog.Training ? _random.Number(1, 5) : 1;
            var noise = 0.85 + (_random.Double() * 0.3);
            var amount = decimal.Round(offer.ListPrice * quantity * (decimal)(spendingScale * noise), 2);
            var placedAt = _random.Between(customer.CreatedAt, _now);
            into.Add(Order.Place(customer.Id, offer.Offer.ProductCode, Math.Max(amount, 9.99m), country.Currency, placedAt));
        }
    }
}
