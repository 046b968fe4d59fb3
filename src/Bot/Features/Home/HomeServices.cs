using ChatCrm.Bot.Conversations.Commands;

namespace ChatCrm.Bot.Features.Home;

public static class HomeServices
{
    /// <summary>The person's own page (Slack's App Home): their open cases and due follow-ups.</summary>
    public static IServiceCollection AddHome(this IServiceCollection services)
    {
        services.AddScoped<IHomePage, HomePage>();
        return services;
    }
}
