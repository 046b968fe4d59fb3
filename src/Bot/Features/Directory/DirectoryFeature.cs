using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.Forms;
using ChatCrm.Infrastructure.UserDirectory;

namespace ChatCrm.Bot.Features.Directory;

public static class DirectoryFeature
{
    /// <summary>
    /// The directory's upkeep: the one write path (<see cref="UserWrites"/>, which the <c>users</c> command line, the
    /// import and the API use too) and the admin's chat side — "admin users", "admin user …", the user cards' buttons
    /// and the add, edit and deactivate forms (Teams cards, Slack modals).
    /// </summary>
    public static IServiceCollection AddDirectory(this IServiceCollection services)
    {
        services.AddDirectoryServices();
        services.AddScoped<UserForms>();
        services.AddScoped<DirectoryAdminGate>();
        services.AddAdminSubcommand<UserAdminCommand>();
        services.AddCardAction<UserActions>();
        services.AddAdminSubcommand<RoleGrantActions>();
        services.AddCardAction<RoleGrantActions>();
        services.AddChatForm<UserAddChatForm>();
        services.AddChatForm<UserEditChatForm>();
        services.AddChatForm<UserDeactivateChatForm>();
        return services;
    }
}
