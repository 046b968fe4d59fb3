using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.Forms;

namespace ChatCrm.Bot.Features.Settings;

public static class SettingsServices
{
    /// <summary>The person's own settings: "settings" / "ajustes" (time zone and language), the form and its Save.</summary>
    public static IServiceCollection AddSettings(this IServiceCollection services)
    {
        services.AddChatCommand<SettingsCommand>();
        services.AddCardAction<SettingsCommand>();
        services.AddChatForm<SettingsChatForm>();
        return services;
    }
}
