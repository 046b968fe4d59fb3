using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatCrm.Infrastructure.UserDirectory;

public static class DirectoryServiceCollectionExtensions
{
    /// <summary>
    /// The directory's one write path (<see cref="UserWrites"/>) and what it needs, shared by the command line, the file
    /// import, the REST API and the admin chat commands, plus the command line's wrappers over it.
    /// </summary>
    public static IServiceCollection AddDirectoryServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<UserDirectoryReader>();
        services.TryAddScoped<DirectoryAudit>();
        services.TryAddScoped<RoleGrants>();
        services.TryAddScoped<UserWrites>();
        services.TryAddScoped<UserEnrolment>();
        services.TryAddScoped<UserUpdate>();
        services.TryAddScoped<UserDeactivation>();
        return services;
    }
}
