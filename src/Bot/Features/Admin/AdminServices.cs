using ChatCrm.Bot.Conversations.Directory;
using ChatCrm.Bot.Conversations.Commands;

namespace ChatCrm.Bot.Features.Admin;

public static class AdminServices
{
    /// <summary>The admin's status, chat-account links and digest settings for others.</summary>
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddScoped<AdminStatusReader>();
        services.AddScoped<AdminMapCommand>();
        services.AddScoped<AdminDigestCommand>();
        services.AddChatCommand<AdminCommand>();
        services.AddCardAction<AdminMapMoveAction>();
        return services;
    }
}
