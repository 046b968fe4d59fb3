using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.Forms;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.Cases;

public static class CasesServices
{
    /// <summary>Support cases: the SLA table from <c>Cases:Sla</c> (checked at start-up), the commands, the case card's actions and its edit form.</summary>
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddOptions<CaseOptions>().BindConfiguration(CaseOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CaseOptions>, CaseOptionsValidation>();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<CaseOptions>>().Value.ReadSla().Table
            ?? throw new OptionsValidationException(CaseOptions.SectionName, typeof(CaseOptions), ["The SLA table in Cases:Sla cannot be read."]));
        services.AddScoped<CaseEditForm>();
        services.AddChatCommand<CasesCommand>();
        services.AddChatCommand<CaseCommand>();
        services.AddCardAction<CaseWorkCommand>();
        services.AddChatForm<CaseEditChatForm>();
        services.AddChatForm<NewCaseChatForm>();
        return services;
    }
}
