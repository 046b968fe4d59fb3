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

    public const int MaxCategoryLength = 60;

    public OrderId Id { get; private set; }

    public CustomerId CustomerId { get; private set; }

    public string ProductCode { get; private set; }

    public decimal Amount { get; private set; }

    /// <summary>ISO 4217 code, upper case.</summary>
    public string Currency { get; private set; }

    public DateTimeOffset PlacedAt { get; private set; }

    /// <summary>The order's id in the system it came from (normalised like every external id); null when it was made here.</summary>
    public string? ExternalId { get; private set; }

    /// <summary>
    /// The kind of product as the source system files it ("Deposits", "Savings"); null to go by the catalogue's category
    /// for the product code. A deposit-like category is what makes a large amount a deposit to invest.
    /// </summary>
    public string? Category { get; private set; }

    public static Order Place(CustomerId customerId, string productCode, decimal amount, string currency, DateTimeOffset placedAt) =>
        Place(customerId, productCode, amount, currency, placedAt, externalId: null, category: null);

    /// <summary>An order known to another system by <paramref name="externalId"/>, optionally with its own category.</summary>
    public static Order Place(CustomerId customerId, string productCode, decimal amount, string currency, DateTimeOffset placedAt, string? externalId, string? category)
    {
        var order = new Order(OrderId.New(), customerId, ValidProductCode(productCode), ValidAmount(amount), ValidCurrency(currency), placedAt.ToUniversalTime())
        {
            ExternalId = externalId is null ? null : IdentityNormalizer.Normalize(IdentityKind.ExternalId, externalId),
            Category = Guard.OptionalText(category, "category", MaxCategoryLength),
        };
        return order;
    }

    /// <summary>
    /// Puts right what the source system corrected (product, category, amount, currency, date); returns false when
    /// nothing differs, so a re-import of the same order changes nothing.
    /// </summary>
    public bool Correct(string productCode, string? category, decimal amount, string currency, DateTimeOffset placedAt)
    {
        var code = ValidProductCode(productCode);
        var kind = Guard.OptionalText(category, "category", MaxCategoryLength);
        var money = ValidAmount(amount);
        var unit = ValidCurrency(currency);
        var at = placedAt.ToUniversalTime();
        if (code == ProductCode && kind == Category && money == Amount && unit == Currency && at == PlacedAt)
            return false;
        (ProductCode, Category, Amount, Currency, PlacedAt) = (code, kind, money, unit, at);
        return true;
    }

    private static string ValidProductCode(string productCode) => Guard.RequiredText(productCode, "product code", 40).ToUpperInvariant();

    private static decimal ValidAmount(decimal amount)
    {
        if (amount <= 0)
            throw new DomainRuleException("An order amount must be greater than zero.");
        if (decimal.Round(amount, 2) != amount)
            throw new DomainRuleException("An order amount has at most two decimals.");
        return amount;
    }

    private static string ValidCurrency(string currency)
    {
        var code = Guard.RequiredText(currency, "currency", 3).ToUpperInvariant();
        if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper))
            throw new DomainRuleException($"'{currency}' is not an ISO 4217 currency code.");
        return code;
    }

    /// <summary>Moves this order to the record another record of the same customer was merged into.</summary>
    public void MoveTo(CustomerId survivorId) => CustomerId = survivorId;
}
