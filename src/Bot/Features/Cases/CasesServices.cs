using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.Forms;
using ChatCrm.Bot.Inbox;
using ChatCrm.Infrastructure.Cases;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.Cases;

public static class CasesServices
{
    /// <summary>
    /// Support cases: the SLA table from <c>Cases:Sla</c> and <c>Cases:FirstResponse</c> and the business calendars from
    /// <c>Sla:Calendars</c> (both checked at start-up), the commands, the case card's actions and its edit form, and the
    /// SLA alerts (the scan the scheduler runs, and their push through the inbox).
    /// </summary>
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddOptions<CaseOptions>().BindConfiguration(CaseOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CaseOptions>, CaseOptionsValidation>();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<CaseOptions>>().Value.ReadSla().Table
            ?? throw new OptionsValidationException(CaseOptions.SectionName, typeof(CaseOptions), ["The SLA table in Cases:Sla cannot be read."]));
        services.AddOptions<SlaOptions>().BindConfiguration(SlaOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlaOptions>, SlaOptionsValidation>();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<SlaOptions>>().Value.ReadCalendars().Calendars
            ?? throw new OptionsValidationException(SlaOptions.SectionName, typeof(SlaOptions), ["The calendars in Sla:Calendars cannot be read."]));
        services.AddScoped<SlaAlertScan>();
        services.AddScoped<IInboxHandler, SlaAlertPush>();
        services.AddScoped<CaseEditForm>();
        services.AddChatCommand<CasesCommand>();
        services.AddChatCommand<CaseCommand>();
        services.AddCardAction<CaseWorkCommand>();
        services.AddChatForm<CaseEditChatForm>();
        services.AddChatForm<NewCaseChatForm>();
        return services;
    }
}
