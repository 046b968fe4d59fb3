using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.Forms;

namespace ChatCrm.Bot.Features.Customers;

public static class CustomersServices
{
    /// <summary>Looking customers up: find (and the card's refresh), last conversation with its summary, the compose-box search, the search form.</summary>
    public static IServiceCollection AddCustomers(this IServiceCollection services)
    {
        services.AddOptions<SummaryOptions>().BindConfiguration(SummaryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ConversationSummariser>();
        services.AddChatCommand<FindCustomerCommand>();
        services.AddCardAction<FindCustomerCommand>();
        services.AddChatCommand<LastConversationCommand>();
        services.AddScoped<IComposeBoxSearch, ComposeBoxCustomerSearch>();
        services.AddChatForm<CustomerSearchChatForm>();
        return services;
    }
}
