using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Infrastructure.UserDirectory;

public static class DirectoryServiceCollectionExtensions
{
    /// <summary>The directory's write services, shared by the command line, the admin chat commands and the API.</summary>
    public static IServiceCollection AddDirectoryServices(this IServiceCollection services)
    {
        services.AddScoped<UserDirectoryReader>();
        services.AddScoped<DirectoryAudit>();
        services.AddScoped<UserEnrolment>();
        services.AddScoped<UserUpdate>();
        services.AddScoped<UserDeactivation>();
        return services;
    }
}
