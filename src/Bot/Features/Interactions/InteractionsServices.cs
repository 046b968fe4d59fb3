using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.Forms;

namespace ChatCrm.Bot.Features.Interactions;

public static class InteractionsServices
{
    /// <summary>Logging interactions (the step-by-step dialog and the form) and reading their history.</summary>
    public static IServiceCollection AddInteractions(this IServiceCollection services)
    {
        services.AddChatCommand<LogCommand>();
        services.AddChatDialog<LogInteractionDialog>();
        services.AddScoped<LogFormValidator>();
        services.AddCardAction<LogFormSubmission>();
        services.AddChatForm<LogChatForm>();
        services.AddChatCommand<HistoryCommand>();
        return services;
    }
}
