using ChatCrm.Domain.Kpis;

namespace ChatCrm.Domain.Tests.Kpis;

public sealed class KpiRulesTests
{
    private static readonly DateTimeOffset Opened = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(7, CaseSlaWatch.Fine)]
    [InlineData(8, CaseSlaWatch.Near)]
    [InlineData(10, CaseSlaWatch.Near)]
    [InlineData(11, CaseSlaWatch.Past)]
    public void WatchCase_HoursIntoATenHourTarget_IsFineNearOrPast(int hours, CaseSlaWatch expected)
    {
        var (watch, _) = KpiRules.WatchCase(Opened, Opened.AddHours(10), Opened.AddHours(hours), 0.8m);

        Assert.Equal(expected, watch);
    }

    [Fact]
    public void WatchCase_Near_SaysHowMuchIsUsedAndLeftInBothLanguages()
    {
        var (_, reason) = KpiRules.WatchCase(Opened, Opened.AddHours(10), Opened.AddHours(9), 0.8m);

        Assert.Equal("90% of its SLA used, 1 h left", reason.English);
        Assert.Equal("90% del SLA consumido, quedan 1 h", reason.Spanish);
    }

    [Theory]
    [InlineData(801, 1000, false)]
    [InlineData(800, 1000, true)]
    [InlineData(0, 1000, true)]
    [InlineData(100, 0, false)]
    public void FallingValue_TwentyPercentThreshold_JudgesTheDrop(int current, int previous, bool falling)
    {
        Assert.Equal(falling, KpiRules.FallingValue(current, previous, 0.2m, "EUR") is not null);
    }

    [Fact]
    public void AcceptanceRate_NoAnswers_IsUnknownNotZero()
    {
        Assert.Null(KpiRules.AcceptanceRate(0, 0));
        Assert.Equal(0.6667m, KpiRules.AcceptanceRate(2, 3));
    }

    [Theory]
    [InlineData(null, KpiSpan.Week)]
    [InlineData("semana", KpiSpan.Week)]
    [InlineData("MONTH", KpiSpan.Month)]
    [InlineData("mes", KpiSpan.Month)]
    public void Parse_KnownWords_PickTheSpan(string? argument, KpiSpan expected)
    {
        var request = KpiRequest.Parse(argument);

        Assert.True(request.IsValid);
        Assert.Equal(expected, request.Span);
    }

    [Fact]
    public void Parse_UnknownWord_ExplainsInBothLanguages()
    {
        var request = KpiRequest.Parse("año");

        Assert.False(request.IsValid);
        Assert.Contains("indicadores semana", request.Problem!.Spanish, StringComparison.Ordinal);
        Assert.Contains("kpis week", request.Problem.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Ending_Month_IsThirtyDaysUpToTheEnd()
    {
        var end = new DateTimeOffset(2026, 6, 30, 12, 0, 0, TimeSpan.FromHours(2));

        var period = KpiPeriod.Ending(end, KpiSpan.Month);

        Assert.Equal(end.ToUniversalTime().AddDays(-30), period.Since);
        Assert.True(period.Contains(period.Since));
        Assert.False(period.Contains(period.Until));
    }
}
