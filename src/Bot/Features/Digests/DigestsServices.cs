using ChatCrm.Infrastructure.Kpis;
using ChatCrm.Bot.Conversations.Commands;

namespace ChatCrm.Bot.Features.Digests;

public static class DigestsServices
{
    /// <summary>The team's KPIs on demand ("kpis") and pushed as managers' digests: the commands, the composer and the dispatcher the scheduler runs.</summary>
    public static IServiceCollection AddDigests(this IServiceCollection services)
    {
        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<SlaAttainmentQuery>();
        services.AddScoped<TeamKpiQuery>();
        services.AddChatCommand<KpisCommand>();
        services.AddChatCommand<DigestSettingsCommand>();
        services.AddScoped<DigestComposer>();
        services.AddScoped<DigestDispatcher>();
        return services;
    }
}
