using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.Forms;

namespace ChatCrm.Bot.Features.Interactions;

public static class InteractionsServices
{
    /// <summary>
    /// Logging interactions (the step-by-step dialog and the form), reading their history, and correcting one's own
    /// last one ("amend": the log form filled in, saved as a new version; "withdraw").
    /// </summary>
    public static IServiceCollection AddInteractions(this IServiceCollection services)
    {
        services.AddChatCommand<LogCommand>();
        services.AddChatDialog<LogInteractionDialog>();
        services.AddScoped<LogFormValidator>();
        services.AddCardAction<LogFormSubmission>();
        services.AddChatForm<LogChatForm>();
        services.AddChatCommand<HistoryCommand>();
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
