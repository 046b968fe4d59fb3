using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatCrm.Infrastructure.Seeding;

public static class SeedingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DemoSeeder"/> (scoped, like the <c>CrmDbContext</c> it writes through, which
    /// <c>AddCrmPersistence</c> registers) and the system <see cref="TimeProvider"/> unless one is registered.
    /// </summary>
    public static IServiceCollection AddDemoSeeding(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<DemoSeeder>();
        return services;
    }
}
