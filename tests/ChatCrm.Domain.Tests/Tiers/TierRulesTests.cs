using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Orders;
using ChatCrm.Domain.Tiers;
using ChatCrm.Testing;

namespace ChatCrm.Domain.Tests.Tiers;

/// <summary>The figures behind a tier (value, frequency, recency, currencies), needs segments and how tier changes read.</summary>
public sealed class TierRulesTests
{
    private static readonly CustomerId Maria = CustomerId.New();
    private static readonly ValueWindow Window = ValueWindow.TrailingYear(TestClock.Now);
    private static readonly ExchangeRates Rates = new("EUR", new Dictionary<string, decimal> { ["GBP"] = 1.17m, ["USD"] = 0.92m });

    [Fact]
    public void FromOrders_MixedCurrencies_ConvertsEachAndLeavesOutThoseWithoutARate()
    {
        Order[] orders =
        [
            Order.Place(Maria, "SW-CRM", 1000m, "EUR", TestClock.Now.AddDays(-10)),
            Order.Place(Maria, "SW-CRM", 100m, "GBP", TestClock.Now.AddDays(-20)),
            Order.Place(Maria, "SW-CRM", 50m, "USD", TestClock.Now.AddDays(-30)),
            Order.Place(Maria, "SW-CRM", 9999m, "JPY", TestClock.Now.AddDays(-40)),
        ];

        var figures = CustomerFigures.FromOrders(Maria, orders, Window, Rates);

        Assert.Equal(1000m + 117m + 46m, figures.Value);
        Assert.Equal(4, figures.OrdersInWindow);
        Assert.Equal(1, figures.UnconvertedOrders);
        Assert.Equal(TestClock.Now.AddDays(-10), figures.LastOrderAt);
    }

    [Fact]
    public void FromOrders_OrdersOutsideTheWindow_CountForRecencyOnly()
    {
        Order[] orders =
        [
            Order.Place(Maria, "SW-CRM", 500m, "EUR", TestClock.Now.AddMonths(-13)),
            Order.Place(Maria, "SW-CRM", 700m, "EUR", TestClock.Now.AddDays(3)), // not yet: after now
        ];

        var figures = CustomerFigures.FromOrders(Maria, orders, Window, Rates);

        Assert.Equal(0m, figures.Value);
        Assert.Equal(0, figures.OrdersInWindow);
        Assert.Equal(TestClock.Now.AddMonths(-13), figures.LastOrderAt);
    }

    [Fact]
    public void ExchangeRates_BadCodesOrRates_AreRefusedWithReasons()
    {
        Assert.Contains("ISO 4217", Assert.Throws<DomainRuleException>(() => ExchangeRates.Only("EURO")).Message, StringComparison.Ordinal);
        Assert.Contains("greater than zero", Assert.Throws<DomainRuleException>(() =>
            new ExchangeRates("EUR", new Dictionary<string, decimal> { ["GBP"] = 0m })).Message, StringComparison.Ordinal);
        Assert.Contains("converts to itself at 1", Assert.Throws<DomainRuleException>(() =>
            new ExchangeRates("EUR", new Dictionary<string, decimal> { ["eur"] = 1.1m })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryConvert_CurrencyWithoutRate_IsNotConverted()
    {
        Assert.False(Rates.TryConvert(10m, "CHF", out _));
        Assert.True(Rates.TryConvert(10m, "eur", out var same));
        Assert.Equal(10m, same);
    }

    [Fact]
    public void NeedsSegment_OrdersInTheWindow_AreTheDistinctCategoriesSorted()
    {
        var catalog = new Dictionary<string, string> { ["SW-CRM"] = "Software", ["SV-ONB"] = "Services", ["HW-POS"] = "Hardware" };
        Order[] orders =
        [
            Order.Place(Maria, "SV-ONB", 10m, "EUR", TestClock.Now.AddDays(-1)),
            Order.Place(Maria, "SW-CRM", 10m, "EUR", TestClock.Now.AddDays(-2)),
            Order.Place(Maria, "SW-CRM", 10m, "EUR", TestClock.Now.AddDays(-3)),
            Order.Place(Maria, "HW-POS", 10m, "EUR", TestClock.Now.AddMonths(-14)),
            Order.Place(Maria, "UNKNOWN", 10m, "EUR", TestClock.Now.AddDays(-4)),
        ];

        var needs = NeedsSegment.FromOrders(orders, catalog, Window);

        Assert.Equal(["Services", "Software"], needs.Categories);
        Assert.Equal(new LocalizedText("buys Services, Software", "compra Services, Software"), needs.Explain());
        Assert.Equal(new NeedsSegment(["Software", "Services", "Software"]), needs);
    }

    [Theory]
    [InlineData(ValueTier.Gold, ValueTier.Silver, "dropped from Gold to Silver")]
    [InlineData(ValueTier.Silver, ValueTier.Platinum, "rose to Platinum from Silver")]
    [InlineData(null, ValueTier.Bronze, "first ranked Bronze")]
    public void Describe_Move_ReadsAsADigestWouldSayIt(ValueTier? from, ValueTier to, string expected)
    {
        var change = TierChange.Detect(Maria, from, to, new DateTimeOffset(2026, 11, 1, 3, 0, 0, TimeSpan.Zero), 1234m, "EUR");

        Assert.NotNull(change);
        Assert.Equal(expected, change.Describe());
        Assert.Equal($"{expected} on 2026-11-01", change.ExplainWithDate().English);
        Assert.EndsWith(" el 2026-11-01", change.ExplainWithDate().Spanish, StringComparison.Ordinal);
        Assert.Equal(from is { } f && to < f, change.IsDrop);
    }

    [Fact]
    public void Detect_SameTier_IsNoChange()
    {
        Assert.Null(TierChange.Detect(Maria, ValueTier.Gold, ValueTier.Gold, TestClock.Now, 10m, "EUR"));
    }
}
