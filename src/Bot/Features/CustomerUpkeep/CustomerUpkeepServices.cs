using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.Forms;
using ChatCrm.Infrastructure.Intake;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatCrm.Bot.Features.CustomerUpkeep;

public static class CustomerUpkeepServices
{
    /// <summary>
    /// Keeping customer records right from chat: "new customer" (the form, its duplicate check and the create) and
    /// "edit" (correcting name, company, country, language and handles), through the go-live intake's checks.
    /// </summary>
    public static IServiceCollection AddCustomerUpkeep(this IServiceCollection services)
    {
        services.AddOptions<CustomerUpkeepOptions>().BindConfiguration(CustomerUpkeepOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddScoped<CustomerUpsert>();
        services.AddScoped<NewCustomerEntry>();
        services.AddChatCommand<NewCustomerActions>();
        services.AddCardAction<NewCustomerActions>();
        services.AddChatForm<NewCustomerChatForm>();
        services.TryAddScoped<CustomerCorrections>();
        services.AddScoped<EditCustomerRecords>();
        services.AddChatCommand<EditCustomerActions>();
        services.AddCardAction<EditCustomerActions>();
        services.AddChatForm<EditCustomerChatForm>();
        return services;
    }
}
