using ChatCrm.Infrastructure.Charts;
using ChatCrm.Infrastructure.Kpis;
using ChatCrm.Bot.Conversations.Commands;

namespace ChatCrm.Bot.Features.Digests;

public static class DigestsServices
{
    /// <summary>
    /// The team's KPIs on demand ("kpis") and pushed as managers' digests: the commands, the composer and the dispatcher
    /// the scheduler runs, and the charts on both cards (the <c>Charts</c> section; their pictures: <see cref="ChartEndpoint"/>).
    /// </summary>
    public static IServiceCollection AddDigests(this IServiceCollection services)
    {
        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<SlaAttainmentQuery>();
        services.AddScoped<TeamKpiQuery>();
        services.AddChatCommand<KpisCommand>();
        services.AddChatCommand<DigestSettingsCommand>();
        services.AddScoped<DigestComposer>();
        services.AddScoped<DigestDispatcher>();
        services.AddOptions<ChartOptions>().BindConfiguration(ChartOptions.SectionName).ValidateDataAnnotations().ValidateOnStart()
            .Configure<IConfiguration>((charts, configuration) => charts.PublicBaseUrl ??=
                Uri.TryCreate(configuration["Privacy:PublicBaseUrl"], UriKind.Absolute, out var url) ? url : null);
        services.AddScoped<TeamChartQuery>();
        services.AddSingleton<ChartLinks>();
        services.AddScoped<KpiCharts>();
        return services;
    }
}
