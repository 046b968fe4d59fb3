using ChatCrm.Bot.Conversations.Commands;

namespace ChatCrm.Bot.Features.Offers;

public static class OffersServices
{
    /// <summary>Next-best offers, the rep's answers to them and the suggestions queued by events.</summary>
    public static IServiceCollection AddOffers(this IServiceCollection services)
    {
        services.AddScoped<OfferSuggester>();
        services.AddChatCommand<OffersCommand>();
        services.AddCardAction<OfferAnswerAction>();
        services.AddChatCommand<OfferSuggestionsCommand>();
        services.AddCardAction<OfferSuggestionsCommand>();
        return services;
    }
}
