using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.Forms;

namespace ChatCrm.Bot.Features.LogCorrections;

public static class LogCorrectionServices
{
    /// <summary>Correcting one's own log: "amend" (the log form filled in, saved as a new version) and "withdraw".</summary>
    public static IServiceCollection AddLogCorrections(this IServiceCollection services)
    {
        services.AddOptions<LogCorrectionOptions>().BindConfiguration(LogCorrectionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<CorrectableInteractions>();
        services.AddChatCommand<AmendLogActions>();
        services.AddCardAction<AmendLogActions>();
        services.AddChatForm<AmendLogChatForm>();
        services.AddChatCommand<WithdrawLogActions>();
        services.AddCardAction<WithdrawLogActions>();
        return services;
    }
}
