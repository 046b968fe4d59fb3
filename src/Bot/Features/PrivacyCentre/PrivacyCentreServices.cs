using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Inbox;
using ChatCrm.Infrastructure.Intake;
using ChatCrm.Infrastructure.Mail;
using ChatCrm.Infrastructure.PrivacyCentre;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatCrm.Bot.Features.PrivacyCentre;

public static class PrivacyCentreServices
{
    /// <summary>The customer's own privacy centre (web pages signed in by e-mailed link) and the chat command that sends the link.</summary>
    public static IServiceCollection AddPrivacyCentre(this IServiceCollection services)
    {
        services.AddOptions<PrivacyCentreOptions>().BindConfiguration(PrivacyCentreOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LegalPagesOptions>().BindConfiguration(LegalPagesOptions.SectionName);
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "__Host-chatcrm-antiforgery";
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.Cookie.Path = "/";
            antiforgery.FormFieldName = "__antiforgery";
            antiforgery.SuppressXFrameOptionsHeader = false;
        });
        services.AddSingleton<SmtpMailer>();
        services.AddSingleton<LinkRequestLimits>();
        services.AddScoped<PrivacyLinkRequests>();
        services.AddScoped<IInboxHandler>(provider => provider.GetRequiredService<PrivacyLinkRequests>());
        services.AddScoped<PrivacyLinkStore>();
        services.AddScoped<PrivacySessionStore>();
        services.AddScoped<CustomerEmailLookup>();
        services.AddScoped<OwnDataReader>();
        services.AddScoped<CorrectionRequests>();
        services.AddScoped<ErasureRequestIntake>();
        services.TryAddScoped<ConsentRecorder>();
        services.AddScoped<PrivacyCentreSession>();
        services.AddScoped<ErasureStatusCookie>();
        services.AddScoped<PrivacyLinkMail>();
        services.AddChatCommand<SendPrivacyLinkCommand>();
        services.AddChatCommand<ErasureRequestsCommand>();
        return services;
    }

    /// <summary>Serves the privacy centre under <see cref="PrivacyCentreRoutes.Root"/>, every response with its security headers.</summary>
    public static void MapPrivacyCentre(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(PrivacyCentreRoutes.Root).AddEndpointFilter<PrivacyCentreHeaders>().AddEndpointFilter<PrivacyCentreHttpsOnly>()
            .ExcludeFromDescription();
        group.MapGet("/style.css", () => Results.Text(PrivacyCentreStyle.Css, "text/css; charset=utf-8"));
        group.MapSignIn();
        group.MapOwnData();
        group.MapOwnRequests();
    }
}
