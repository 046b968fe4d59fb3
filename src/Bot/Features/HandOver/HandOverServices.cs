using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Inbox;
using ChatCrm.Infrastructure.Customers.HandOver;

namespace ChatCrm.Bot.Features.HandOver;

public static class HandOverServices
{
    /// <summary>Handing customers to a new owner ("reassign"), its confirmation, and the new owner's notice (the inbox's "handover" handler).</summary>
    public static IServiceCollection AddHandOver(this IServiceCollection services)
    {
        services.AddScoped<CustomerHandOver>();
        services.AddChatCommand<ReassignCommand>();
        services.AddCardAction<HandOverConfirmAction>();
        services.AddOptions<HandOverOptions>().BindConfiguration(HandOverOptions.SectionName);
        services.AddScoped<IInboxHandler, HandOverNoticePush>();
        return services;
    }
}
