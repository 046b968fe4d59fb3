using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;

namespace ChatCrm.Domain.Orders;

/// <summary>Something a customer bought: what (by product code), for how much, when. Value tiers are computed from orders.</summary>
public sealed class Order
{
    private Order()
    {
        ProductCode = string.Empty;
        Currency = "EUR";
    }

    private Order(OrderId id, CustomerId customerId, string productCode, decimal amount, string currency, DateTimeOffset placedAt)
    {
        Id = id;
        CustomerId = customerId;
        ProductCode = productCode;
        Amount = amount;
        Currency = currency;
        PlacedAt = placedAt;
    }

    public OrderId Id { get; private set; }

    public CustomerId CustomerId { get; private set; }

    public string ProductCode { get; private set; }

    public decimal Amount { get; private set; }

    /// <summary>ISO 4217 code, upper case.</summary>
    public string Currency { get; private set; }

    public DateTimeOffset PlacedAt { get; private set; }

    public static Order Place(CustomerId customerId, string productCode, decimal amount, string currency, DateTimeOffset placedAt)
    {
        if (amount <= 0)
            throw new DomainRuleException("An order amount must be greater than zero.");
        if (decimal.Round(amount, 2) != amount)
            throw new DomainRuleException("An order amount has at most two decimals.");
        var code = Guard.RequiredText(currency, "currency", 3).ToUpperInvariant();
        if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper))
            throw new DomainRuleException($"'{currency}' is not an ISO 4217 currency code.");
        return new Order(OrderId.New(), customerId, Guard.RequiredText(productCode, "product code", 40).ToUpperInvariant(), amount, code, placedAt.ToUniversalTime());
    }

    /// <summary>Moves this order to the record another record of the same customer was merged into.</summary>
    public void MoveTo(CustomerId survivorId) => CustomerId = survivorId;
}
