using Microsoft.Extensions.DependencyInjection;
using ChatCrm.Infrastructure.UserDirectory;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatCrm.Infrastructure.Intake;

public static class IntakeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the channel-neutral write services that take a company's data in (users, customers, orders, consents,
    /// offers) and the file import built on them, scoped like the <c>CrmDbContext</c> they stage into; the import CLI and the REST API both use them.
    /// </summary>
    public static IServiceCollection AddIntake(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddDirectoryServices();
        services.TryAddScoped<UserDirectoryUpsert>();
        services.TryAddScoped<CustomerUpsert>();
        services.TryAddScoped<CustomerCorrections>();
        services.TryAddScoped<OrderRecorder>();
        services.TryAddScoped<ConsentRecorder>();
        services.TryAddScoped<OfferCatalogUpsert>();
        services.TryAddScoped<Import.ImportRunner>();
        return services;
    }
}
