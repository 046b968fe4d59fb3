using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatCrm.Infrastructure.Tiers;

public static class TierServiceCollectionExtensions
{
    /// <summary>
    /// Registers the validated <see cref="TierOptions"/> (checked at start-up) and <see cref="TierRecalculation"/>
    /// (scoped, like the <c>CrmDbContext</c> from <c>AddCrmPersistence</c> it works through).
    /// </summary>
    public static IServiceCollection AddValueTiers(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<TierOptions>()
            .BindConfiguration(TierOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<TierRecalculation>();
        return services;
    }
}
