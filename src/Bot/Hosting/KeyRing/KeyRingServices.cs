using ChatCrm.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;

namespace ChatCrm.Bot.Hosting.KeyRing;

public static class KeyRingServices
{
    /// <summary>
    /// ASP.NET Core Data Protection with its key ring in the shared database (a link or token protected by one
    /// instance is read by every other), encrypted at rest to <c>DataProtection:Certificate</c> when one is given.
    /// </summary>
    /// <remarks>The certificates are loaded here, while services are registered (Data Protection takes them then): a
    /// configured certificate that cannot be used stops the start with a <see cref="KeyRingSetupException"/>.</remarks>
    public static IServiceCollection AddKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<KeyRingOptions>().BindConfiguration(KeyRingOptions.SectionName);
        var certificates = new KeyRingCertificates(configuration.GetSection(KeyRingOptions.SectionName).Get<KeyRingOptions>() ?? new KeyRingOptions());
        services.AddSingleton(certificates);
        var dataProtection = services.AddDataProtection().SetApplicationName("ChatCrm").PersistKeysToDbContext<CrmDbContext>();
        if (certificates.Current is { } current)
            dataProtection.ProtectKeysWithCertificate(current);
        if (certificates.Decrypting.Count > 0)
            dataProtection.UnprotectKeysWithAnyCertificate([.. certificates.Decrypting]);
        return services;
    }

    /// <summary>
    /// For the web host: Production does not start with an unencrypted key ring unless
    /// <c>DataProtection:AllowUnprotectedKeys</c> says so, and a configured certificate that cannot be used stops any start.
    /// </summary>
    public static IServiceCollection RequireKeyRingProtection(this IServiceCollection services, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        services.AddOptions<KeyRingOptions>().Validate<KeyRingCertificates>(
            (options, certificates) => certificates.Current is not null || options.AllowUnprotectedKeys || !environment.IsProduction(), "In Production the Data Protection keys (which encrypt Slack tokens and sign export links) must be encrypted at rest: set " +
            "DataProtection:Certificate:Path and :Password (a PKCS#12 file) or :Thumbprint, or set DataProtection:AllowUnprotectedKeys=true " +
            "to store them unencrypted on purpose.").ValidateOnStart();
        return services;
    }
}
