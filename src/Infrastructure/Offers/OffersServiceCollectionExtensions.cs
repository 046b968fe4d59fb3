using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatCrm.Infrastructure.Offers;

public static class OffersServiceCollectionExtensions
{
    /// <summary>
    /// Registers the validated <see cref="OfferOptions"/>, the model cache (one per instance) and, scoped like the
    /// <c>CrmDbContext</c>, the ranker, the training data reader and <see cref="OfferModelTraining"/> (which a scheduled
    /// retraining job can call).
    /// </summary>
    public static IServiceCollection AddOfferEngine(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<OfferOptions>()
            .BindConfiguration(OfferOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<OfferModelCache>();
        services.AddScoped<OfferTrainingData>();
        services.AddScoped<OfferRanker>();
        services.AddScoped<OfferModelTraining>();
        return services;
    }
}
