using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Inbox;

namespace ChatCrm.Bot.Features.Offers;

public static class OffersServices
{
    /// <summary>Next-best offers, the rep's answers to them, the suggestions queued by events, and the push of order and deposit events to the owner's chat.</summary>
    public static IServiceCollection AddOffers(this IServiceCollection services)
    {
        services.AddScoped<OfferSuggester>();
        services.AddChatCommand<OffersCommand>();
        services.AddCardAction<OfferAnswerAction>();
        services.AddChatCommand<OfferSuggestionsCommand>();
        services.AddCardAction<OfferSuggestionsCommand>();
        services.AddOptions<OutreachOptions>().BindConfiguration(OutreachOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<IInboxHandler, OfferEventPush>();
        return services;
    }
}
