using ChatCrm.Bot.Features.PrivacyCentre;
using ChatCrm.Bot.Inbox;
using ChatCrm.Infrastructure.Satisfaction;

namespace ChatCrm.Bot.Features.Satisfaction;

public static class SatisfactionServices
{
    /// <summary>
    /// Customer satisfaction after each resolved case: the survey e-mail (the inbox's "satisfaction" handler), its page,
    /// and the answer told to the assignee and, when low, to the manager (the "satisfaction-told" handler).
    /// </summary>
    public static IServiceCollection AddSatisfaction(this IServiceCollection services)
    {
        services.AddOptions<SatisfactionOptions>().BindConfiguration(SatisfactionOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) =>
                options.PublicBaseUrl ??= configuration.GetValue<Uri?>("PrivacyCentre:PublicBaseUrl"))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<SatisfactionSurveyStore>();
        services.AddScoped<IInboxHandler, SurveyMailer>();
        services.AddScoped<IInboxHandler, SatisfactionAnswerPush>();
        return services;
    }

    /// <summary>Serves the survey under <see cref="SatisfactionRoutes.Root"/>, with the privacy centre's security headers and style.</summary>
    public static void MapSatisfaction(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(SatisfactionRoutes.Root).AddEndpointFilter<PrivacyCentreHeaders>().AddEndpointFilter<SurveyHttpsOnly>()
            .ExcludeFromDescription();
        group.MapSurvey();
    }
}
