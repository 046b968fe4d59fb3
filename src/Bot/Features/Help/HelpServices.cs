using ChatCrm.Bot.Conversations.Commands;

namespace ChatCrm.Bot.Features.Help;

public static class HelpServices
{
    /// <summary>"help", "cancel", and the answer to a message that is no command.</summary>
    public static IServiceCollection AddHelp(this IServiceCollection services)
    {
        services.AddChatCommand<HelpCommand>();
        services.AddChatCommand<CancelCommand>();
        services.AddSingleton<IUnknownCommandAnswer, NotUnderstoodAnswer>();
        return services;
    }
}
