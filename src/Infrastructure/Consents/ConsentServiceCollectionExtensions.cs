using ChatCrm.Domain.Consents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatCrm.Infrastructure.Consents;

public static class ConsentServiceCollectionExtensions
{
    /// <summary>
    /// Registers the country consent policy table (<see cref="ConsentPolicyTable"/>, read once) from
    /// <c>Consent:PolicyFile</c> or the shipped copy, checked when the host starts: a faulty table stops start-up.
    /// </summary>
    public static IServiceCollection AddConsentPolicy(this IServiceCollection services)
    {
        services.AddOptions<ConsentOptions>().BindConfiguration(ConsentOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ConsentOptions>, ConsentPolicyValidation>();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ConsentOptions>>().Value;
            return options.LoadTable(provider.GetRequiredService<IHostEnvironment>().ContentRootPath);
        });
        return services;
    }

    private sealed class ConsentPolicyValidation(IHostEnvironment environment) : IValidateOptions<ConsentOptions>
    {
        public ValidateOptionsResult Validate(string? name, ConsentOptions options)
        {
            try
            {
                options.LoadTable(environment.ContentRootPath);
                return ValidateOptionsResult.Success;
            }
            catch (ConsentPolicyException e)
            {
                return ValidateOptionsResult.Fail(e.Message);
            }
        }
    }
}
