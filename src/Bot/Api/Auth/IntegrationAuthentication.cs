using System.Security.Claims;
using ChatCrm.Infrastructure.Integrations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Api.Auth;

/// <summary>
/// Who may call <c>/api/v1</c>: Entra ID app-only tokens of one tenant, with app roles <c>Crm.Read</c>, <c>Crm.Write</c>
/// and <c>Crm.Users</c>, or ChatCrm API keys with the same scopes. One policy scheme picks the handler by what the
/// request carries; the authorization policies ask for a scope. Used only by the API's endpoints: the rest of the
/// host (the Teams and Slack endpoints) authenticates its own way and has no default scheme.
/// </summary>
public static class IntegrationAuthentication
{
    public const string SchemeName = "IntegrationApi";

    public const string EntraSchemeName = "EntraApp";

    /// <summary>The <c>WWW-Authenticate</c> answer when no credentials came: both ways in.</summary>
    public const string Challenge = "Bearer realm=\"ChatCrm API\", ApiKey header=\"X-Api-Key\"";

    public static IServiceCollection AddIntegrationAuthentication(this IServiceCollection services)
    {
        services.AddOptions<EntraApiOptions>().BindConfiguration(EntraApiOptions.SectionName);
        services.AddAuthentication()
            .AddPolicyScheme(SchemeName, "ChatCrm integration API", options =>
                options.ForwardDefaultSelector = context => ApiKeyAuthenticationHandler.PresentedKey(context.Request) is not null
                    || !context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? ApiKeyAuthenticationHandler.SchemeName
                        : EntraSchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer(EntraSchemeName, options =>
            {
                // Claim names exactly as Entra ID writes them (roles, tid, azp, appid, scp).
                options.MapInboundClaims = false;
                options.Events = new JwtBearerEvents
                {
                    OnMessageReceived = RefuseWhenNotConfigured,
                    OnTokenValidated = AcceptAppOnlyTokens,
                };
            });
        // Configure (not PostConfigure): the handler's own post-configuration then builds its metadata reader from these.
        services.AddOptions<JwtBearerOptions>(EntraSchemeName).Configure<IOptions<EntraApiOptions>>((options, entra) => PointAtTenant(options, entra.Value));

        services.AddAuthorizationBuilder()
            .AddPolicy(ApiScopes.Read, Requires(ApiScopes.Read))
            .AddPolicy(ApiScopes.Write, Requires(ApiScopes.Write))
            .AddPolicy(ApiScopes.Users, Requires(ApiScopes.Users));
        return services;
    }

    private static AuthorizationPolicy Requires(string scope) =>
        new AuthorizationPolicyBuilder(SchemeName)
            .RequireAuthenticatedUser()
            .RequireClaim(ApiClient.IdClaim)
            .RequireClaim(ApiClient.ScopeClaim, scope)
            .Build();

    private static Task RefuseWhenNotConfigured(MessageReceivedContext context)
    {
        var entra = context.HttpContext.RequestServices.GetRequiredService<IOptions<EntraApiOptions>>().Value;
        if (!entra.IsConfigured)
            context.Fail("Entra ID tokens are not accepted: Api:Entra:TenantId and Api:Entra:Audience are not set.");
        return Task.CompletedTask;
    }

    /// <summary>
    /// The signature, issuer, audience and lifetime are checked by the handler; here: the tenant, that it is an
    /// application's token (no user's delegated <c>scp</c>), and which of our app roles it carries.
    /// </summary>
    private static Task AcceptAppOnlyTokens(TokenValidatedContext context)
    {
        var entra = context.HttpContext.RequestServices.GetRequiredService<IOptions<EntraApiOptions>>().Value;
        var token = context.Principal!;
        if (!string.Equals(token.FindFirstValue("tid"), entra.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            context.Fail("The token is from another tenant.");
            return Task.CompletedTask;
        }
        if (token.HasClaim(c => c.Type == "scp"))
        {
            context.Fail("The token was issued to a user (it has scp); the API takes application tokens only.");
            return Task.CompletedTask;
        }
        var application = token.FindFirstValue("azp") ?? token.FindFirstValue("appid");
        if (string.IsNullOrWhiteSpace(application) || application.Length > 64)
        {
            context.Fail("The token names no application (azp or appid).");
            return Task.CompletedTask;
        }
        var scopes = token.FindAll("roles").Select(r => r.Value.ToLowerInvariant()).Where(ApiScopes.All.Contains).Distinct();
        token.AddIdentity(ApiClient.Identity($"entra:{application.ToLowerInvariant()}", $"Entra app {application}", scopes, EntraSchemeName));
        return Task.CompletedTask;
    }

    /// <summary>Points the bearer handler at the configured tenant's metadata (signing keys) and issuers.</summary>
    private static void PointAtTenant(JwtBearerOptions options, EntraApiOptions settings)
    {
        var validation = options.TokenValidationParameters;
        validation.ValidateIssuer = true;
        validation.ValidateAudience = true;
        validation.ValidateLifetime = true;
        validation.ValidateIssuerSigningKey = true;
        validation.RequireSignedTokens = true;
        validation.ClockSkew = TimeSpan.FromMinutes(2);
        if (!settings.IsConfigured)
            return;
        options.MetadataAddress = settings.MetadataAddress();
        // Metadata over plain HTTP only from this machine (a local stand-in of Entra ID); anywhere else HTTPS.
        options.RequireHttpsMetadata = !settings.Instance.IsLoopback;
        validation.ValidIssuers = settings.ValidIssuers();
        validation.ValidAudience = settings.Audience;
    }
}
