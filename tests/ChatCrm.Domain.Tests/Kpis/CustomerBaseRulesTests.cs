using ChatCrm.Domain.Kpis;

namespace ChatCrm.Domain.Tests.Kpis;

public sealed class CustomerBaseRulesTests
{
    [Fact]
    public void Share_OverNothing_IsNoFigureAndOtherwiseFourDecimals()
    {
        Assert.Null(CustomerBaseRules.Share(0, 0));
        Assert.Equal(0.6667m, CustomerBaseRules.Share(2, 3));
        Assert.Equal(1m, CustomerBaseRules.Share(4, 4));
    }

    [Fact]
    public void ValuePerCustomer_TrendAgainstThePreviousPeriod()
    {
        var value = new ValuePerCustomer(2_600m, 3, 2_600m, 2, "EUR");

        Assert.Equal(866.67m, value.Current);
        Assert.Equal(1_300m, value.Previous);
        Assert.Equal(-0.3333m, value.Trend);
        Assert.Null(new ValuePerCustomer(100m, 1, 0m, 0, "EUR").Trend);
    }

    [Fact]
    public void SatisfactionScores_AverageSatisfiedShareAndResponseRate()
    {
        var scores = new SatisfactionScores(Sent: 4, Answered: 3, ScoreTotal: 11, Satisfied: 2);

        Assert.Equal((3.67m, 0.6667m, 0.75m), (scores.Average!.Value, scores.SatisfiedShare!.Value, scores.ResponseRate!.Value));
        Assert.Null(new SatisfactionScores(2, 0, 0, 0).Average);
    }
}
