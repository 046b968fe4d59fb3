using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Infrastructure.Customers;

namespace ChatCrm.Bot.Features.Duplicates;

public static class DuplicatesServices
{
    /// <summary>Likely duplicates of a customer and merging one into another.</summary>
    public static IServiceCollection AddDuplicates(this IServiceCollection services)
    {
        services.AddScoped<CustomerMerger>();
        services.AddChatCommand<DuplicatesCommand>();
        services.AddCardAction<DuplicatesCommand>();
        return services;
    }
}
