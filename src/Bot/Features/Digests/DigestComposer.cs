using ChatCrm.Domain.Common;
using ChatCrm.Domain.Kpis;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Kpis;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.Digests;

/// <summary>
/// Gathers a manager's digest from the KPI layer (<see cref="TeamKpiQuery"/>), so the digest and the "kpis" command
/// can never disagree and the digest costs a handful of aggregate queries however large the team's history.
/// </summary>
public sealed class DigestComposer(TeamKpiQuery kpis, KpiCharts charts, IOptions<DigestOptions> options)
{
    public async Task<DigestContent> ComposeAsync(User manager, DateTimeOffset since, DateTimeOffset until, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var period = new KpiPeriod(since, until);
        var figures = await kpis.ComputeAsync(manager.Id, period, today, options.Value.ToThresholds(), cancellationToken);
        var pictures = await charts.BlocksAsync(manager.Id, period, LocalizedText.LanguageFor(manager.Locale), manager.ResolveTimeZone(), cancellationToken);
        return new DigestContent(manager.DisplayName, figures) { Charts = pictures };
    }
}
