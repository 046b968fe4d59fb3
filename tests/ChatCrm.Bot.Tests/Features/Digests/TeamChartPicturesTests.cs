using ChatCrm.Bot.Features.Digests;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Interactions;
using ChatCrm.Infrastructure.Charts;

namespace ChatCrm.Bot.Tests.Features.Digests;

/// <summary>Which charts a team's figures are worth, and their pictures and alt texts in both languages, from one set of figures.</summary>
public sealed class TeamChartPicturesTests
{
    private static readonly TimeZoneInfo Madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");

    private static readonly TeamChartData Quiet = new(
        [new WeekCount(new DateTimeOffset(2026, 11, 22, 23, 0, 0, TimeSpan.Zero), 4), new WeekCount(new DateTimeOffset(2026, 11, 29, 23, 0, 0, TimeSpan.Zero), 0)],
        [new RepCount("Ana García", 0)], []);

    [Fact]
    public void Worth_TeamQuietThisPeriod_ShowsTheTrendOnly()
    {
        Assert.Equal([ChartKind.Trend], TeamChartPictures.Worth(Quiet));
        Assert.Empty(TeamChartPictures.Worth(new TeamChartData([new WeekCount(DateTimeOffset.UnixEpoch, 3)], [], [])));
        Assert.Empty(TeamChartPictures.Worth(Quiet with { Weeks = [new WeekCount(DateTimeOffset.UnixEpoch, 0)] }));
        Assert.Equal([ChartKind.Trend, ChartKind.ByRep, ChartKind.ByChannel],
            TeamChartPictures.Worth(Quiet with { ByRep = [new RepCount("Ana García", 2)], ByChannel = [new(InteractionChannel.Visit, 2)] }));
    }

    [Fact]
    public void Picture_Trend_LabelsWeeksInTheReadersZoneAndLanguage()
    {
        var english = TeamChartPictures.Picture(ChartKind.Trend, Quiet, LanguageCode.English, Madrid);
        var spanish = TeamChartPictures.Picture(ChartKind.Trend, Quiet, LanguageCode.Spanish, Madrid);

        Assert.Equal((ChartShape.Line, "Week starting", "Interactions"), (english.Shape, english.XLabel, english.YLabel));
        Assert.Equal(["23 Nov", "30 Nov"], english.Points.Select(p => p.Label));
        Assert.Equal([4d, 0d], english.Points.Select(p => p.Value));
        Assert.Equal(("Semana desde", "Interacciones por semana, últimas 2 semanas"), (spanish.XLabel, spanish.Title));
        Assert.Equal("Chart: Interactions per week, last 2 weeks. 23 Nov 4, 30 Nov 0.", TeamChartPictures.AltText(ChartKind.Trend, Quiet, LanguageCode.English, Madrid));
    }

    [Fact]
    public void AltText_ByChannel_NamesEachChannelInSpanish()
    {
        var data = Quiet with { ByRep = [new RepCount("Ana García", 5)], ByChannel = [new(InteractionChannel.Phone, 3), new(InteractionChannel.Store, 2)] };

        Assert.Equal("Gráfico: Interacciones por canal. Teléfono 3, Tienda 2.", TeamChartPictures.AltText(ChartKind.ByChannel, data, LanguageCode.Spanish, Madrid));
        Assert.Equal(ChartShape.Bars, TeamChartPictures.Picture(ChartKind.ByRep, data, LanguageCode.Spanish, Madrid).Shape);
    }
}
