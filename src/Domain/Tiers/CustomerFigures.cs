using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Orders;

namespace ChatCrm.Domain.Tiers;

/// <summary>
/// What a customer's tier is computed from: value over the window in the reporting currency (rounded to cents),
/// frequency (orders in the window, whatever their currency) and recency (the last order up to now, even one
/// older than the window). <see cref="UnconvertedOrders"/> counts orders in the window left out of the value
/// because their currency has no rate.
/// </summary>
public sealed record CustomerFigures(CustomerId CustomerId, decimal Value, int OrdersInWindow, DateTimeOffset? LastOrderAt, int UnconvertedOrders)
{
    /// <summary>
    /// The rule, on a customer's orders. The database computes the same figures in one aggregate query; this is
    /// its definition and what tests hold the query to.
    /// </summary>
    public static CustomerFigures FromOrders(CustomerId customerId, IEnumerable<Order> orders, ValueWindow window, ExchangeRates rates)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(rates);
        var value = 0m;
        var count = 0;
        var unconverted = 0;
        DateTimeOffset? last = null;
        foreach (var order in orders.Where(o => o.CustomerId == customerId && o.PlacedAt <= window.Until))
        {
            if (last is null || order.PlacedAt > last)
                last = order.PlacedAt;
            if (order.PlacedAt < window.Since)
                continue;
            count++;
            if (rates.TryConvert(order.Amount, order.Currency, out var converted))
                value += converted;
            else
                unconverted++;
        }
        return new CustomerFigures(customerId, decimal.Round(value, 2, MidpointRounding.AwayFromZero), count, last, unconverted);
    }
}
