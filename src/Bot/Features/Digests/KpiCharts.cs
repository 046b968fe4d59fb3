using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Kpis;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Charts;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.Digests;

/// <summary>
/// The chart pictures on the digest and "kpis" cards: the team's weekly trend, and its interactions by rep and by
/// channel, each a <see cref="CardImage"/> at a signed address (<see cref="ChartLinks"/>) with alt text giving its
/// figures. Where Teams and Slack cannot fetch a picture (no https public address) the cards carry none: the text
/// figures stand alone, and no broken image is shown.
/// </summary>
public sealed class KpiCharts(TeamChartQuery query, ChartLinks links, IOptions<ChartOptions> options)
{
    public async Task<IReadOnlyList<CardBlock>> BlocksAsync(UserId managerId, KpiPeriod period, LanguageCode language, TimeZoneInfo zone,
        CancellationToken cancellationToken)
    {
        if (!links.Reachable)
            return [];
        var data = await query.ComputeAsync(managerId, period, options.Value.TrendWeeks, cancellationToken);
        return TeamChartPictures.Worth(data)
            .Select(kind => (CardBlock)new CardImage(links.Issue(kind, managerId, period, language, zone)!,
                TeamChartPictures.AltText(kind, data, language, zone)))
            .ToList();
    }
}
