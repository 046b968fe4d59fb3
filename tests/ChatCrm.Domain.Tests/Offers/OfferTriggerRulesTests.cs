using ChatCrm.Domain.Offers;
using ChatCrm.Domain.Tiers;

namespace ChatCrm.Domain.Tests.Offers;

public sealed class OfferTriggerRulesTests
{
    private static readonly OfferTriggerPolicy Policy = OfferTriggerPolicy.Default;

    [Fact]
    public void ForOrder_AtTheAbsoluteThreshold_IsALargeOrderWithReasonsInBothLanguages()
    {
        var trigger = OfferTriggerRules.ForOrder(new OrderTriggerFacts(5_000m, "EUR", "Software", 0, null), Policy);

        Assert.Equal(OfferTriggerKind.LargeOrder, trigger!.Kind);
        Assert.Equal("large order of 5,000.00 EUR (from 5,000.00 EUR)", trigger.Reason.English);
        Assert.Equal("pedido grande de 5,000.00 EUR (desde 5,000.00 EUR)", trigger.Reason.Spanish);
    }

    [Theory]
    [InlineData(4_999.99, 2, 100.0)]   // below the amount, too few earlier orders for an average
    [InlineData(299.99, 3, 100.0)]     // under three times the average
    public void ForOrder_NeitherLargeNorAboveTheAverage_IsNoTrigger(double amount, int earlier, double average) =>
        Assert.Null(OfferTriggerRules.ForOrder(new OrderTriggerFacts((decimal)amount, "EUR", "Software", earlier, (decimal)average), Policy));

    [Fact]
    public void ForOrder_ThreeTimesTheAverageOfEnoughOrders_IsALargeOrderSayingHowMuchAbove()
    {
        var trigger = OfferTriggerRules.ForOrder(new OrderTriggerFacts(300m, "EUR", "Software", 3, 100m), Policy);

        Assert.Equal(OfferTriggerKind.LargeOrder, trigger!.Kind);
        Assert.Contains("3.0× the customer's average of 100.00 EUR", trigger.Reason.English, StringComparison.Ordinal);
    }

    [Fact]
    public void ForOrder_DepositCategory_CountsFromTheDepositThresholdOnly()
    {
        Assert.Null(OfferTriggerRules.ForOrder(new OrderTriggerFacts(9_000m, "EUR", "savings", 3, 100m), Policy));
        var trigger = OfferTriggerRules.ForOrder(new OrderTriggerFacts(10_000m, "EUR", "Savings", 0, null), Policy);
        Assert.Equal(OfferTriggerKind.LargeDeposit, trigger!.Kind);
        Assert.StartsWith("depósito de 10,000.00 EUR en Savings", trigger.Reason.Spanish, StringComparison.Ordinal);
    }

    [Fact]
    public void ForOrder_AmountThatCouldNotBeConverted_IsNoTrigger() =>
        Assert.Null(OfferTriggerRules.ForOrder(new OrderTriggerFacts(null, "EUR", "Software", 0, null), Policy));

    [Theory]
    [InlineData(ValueTier.Silver, ValueTier.Gold, "rose from Silver to Gold tier", "subió del nivel Plata al Oro")]
    [InlineData(ValueTier.Gold, ValueTier.Bronze, "dropped from Gold to Bronze tier: worth a retention offer", "bajó del nivel Oro al Bronce: conviene una oferta de retención")]
    public void TierChanged_UpOrDown_IsATriggerWithItsDirection(ValueTier from, ValueTier to, string english, string spanish)
    {
        var trigger = OfferTriggerRules.TierChanged(from, to);

        Assert.Equal(OfferTriggerKind.TierChanged, trigger!.Kind);
        Assert.Equal(english, trigger.Reason.English);
        Assert.Equal(spanish, trigger.Reason.Spanish);
    }

    [Fact]
    public void TierChanged_FirstTierOrNoMove_IsNoTrigger()
    {
        Assert.Null(OfferTriggerRules.TierChanged(null, ValueTier.Gold));
        Assert.Null(OfferTriggerRules.TierChanged(ValueTier.Gold, ValueTier.Gold));
    }

    [Fact]
    public void CaseResolved_NamesTheCaseAndTheDay()
    {
        var trigger = OfferTriggerRules.CaseResolved("C-1A2B3C4D", "Router down", new DateTimeOffset(2026, 11, 2, 23, 30, 0, TimeSpan.FromHours(-5)));

        Assert.Equal("support case C-1A2B3C4D (Router down) resolved on 2026-11-03", trigger.Reason.English);
        Assert.Equal("caso de soporte C-1A2B3C4D (Router down) resuelto el 2026-11-03", trigger.Reason.Spanish);
    }
}
