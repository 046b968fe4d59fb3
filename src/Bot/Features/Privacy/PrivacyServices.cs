using ChatCrm.Bot.Conversations.Forms;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Infrastructure.Intake;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Privacy;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatCrm.Bot.Features.Privacy;

public static class PrivacyServices
{
    /// <summary>The customer's privacy preferences and consent changes recorded from chat, and the privacy officer's export and erasure.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ExportLinkStore>();
        services.AddScoped<ExportLinks>();
        services.AddScoped<CustomerDataExport>();
        services.AddScoped<CustomerErasure>();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<RetentionPurge>();
        services.AddChatCommand<PrivacyPreferencesCommand>();
        services.AddChatCommand<ExportCustomerCommand>();
        services.AddChatCommand<EraseCustomerCommand>();
        services.AddCardAction<EraseCustomerCommand>();
        // Consent changes from chat go through the intake the import and the REST API use (registered here too for
        // hosts without the API, such as the command line).
        services.TryAddScoped<ConsentRecorder>();
        services.AddScoped<ConsentChangeRecording>();
        services.AddChatCommand<ConsentCommand>();
        services.AddCardAction<ConsentCommand>();
        services.AddChatForm<ConsentChangeChatForm>();
        return services;
    }
}
