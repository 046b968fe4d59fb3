using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Orders;
using ChatCrm.Testing;

namespace ChatCrm.Domain.Tests.Orders;

public sealed class OrderPlaceTests
{
    private readonly CustomerId _customer = CustomerId.New();

    [Fact]
    public void Place_ValidOrder_NormalisesCodes()
    {
        var placedAt = new DateTimeOffset(2026, 3, 9, 18, 45, 0, TimeSpan.FromHours(-6));

        var order = Order.Place(_customer, " drill-18v ", 149.99m, "eur", placedAt);

        Assert.Equal(_customer, order.CustomerId);
        Assert.Equal("DRILL-18V", order.ProductCode);
        Assert.Equal(149.99m, order.Amount);
        Assert.Equal("EUR", order.Currency);
        Assert.Equal(placedAt, order.PlacedAt);
        Assert.Equal(TimeSpan.Zero, order.PlacedAt.Offset);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-10.00")]
    public void Place_AmountNotPositive_IsRejected(string amount)
    {
        var error = Assert.Throws<DomainRuleException>(() => Order.Place(_customer, "P1", decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), "EUR", TestClock.Now));

        Assert.Equal("An order amount must be greater than zero.", error.Message);
    }

    [Fact]
    public void Place_MoreThanTwoDecimals_IsRejected()
    {
        var error = Assert.Throws<DomainRuleException>(() => Order.Place(_customer, "P1", 10.005m, "EUR", TestClock.Now));

        Assert.Contains("at most two decimals", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("E1R")]
    [InlineData("€")]
    public void Place_NotACurrencyCode_IsRejected(string currency)
    {
        var error = Assert.Throws<DomainRuleException>(() => Order.Place(_customer, "P1", 10m, currency, TestClock.Now));

        Assert.Contains($"'{currency}' is not an ISO 4217 currency code", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Place_CurrencyTooLong_IsRejectedWithLimit()
    {
        var error = Assert.Throws<DomainRuleException>(() => Order.Place(_customer, "P1", 10m, "EURO", TestClock.Now));

        Assert.Contains("the limit is 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Place_BlankProductCode_IsRejected()
    {
        var error = Assert.Throws<DomainRuleException>(() => Order.Place(_customer, "  ", 10m, "EUR", TestClock.Now));

        Assert.Equal("The product code cannot be empty.", error.Message);
    }

    [Fact]
    public void Place_TwoOrders_GetDistinctIds() =>
        Assert.NotEqual(Order.Place(_customer, "P1", 1m, "EUR", TestClock.Now).Id, Order.Place(_customer, "P1", 1m, "EUR", TestClock.Now).Id);
}
