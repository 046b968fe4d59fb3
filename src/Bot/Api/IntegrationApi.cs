using ChatCrm.Bot.Api.Auth;
using ChatCrm.Bot.Api.Consents;
using ChatCrm.Bot.Api.Customers;
using ChatCrm.Bot.Api.Http;
using ChatCrm.Bot.Api.Orders;
using ChatCrm.Bot.Api.Users;
using ChatCrm.Infrastructure.Intake;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace ChatCrm.Bot.Api;

/// <summary>
/// The REST API at <c>/api/v1</c> for the systems a company already has (ERP, web shop, marketing tools): customers
/// and their identities, orders and deposits, consent changes and the user directory. Nothing is anonymous; see
/// <see cref="IntegrationAuthentication"/> for who may call, <see cref="IdempotentPosts"/> for retries,
/// <see cref="ETags"/> for updates and <see cref="ApiRateLimits"/> for limits.
/// </summary>
public static class IntegrationApi
{
    public const string DocumentName = "integration-v1";

    public const string Prefix = "/api/v1";

    public static IServiceCollection AddIntegrationApi(this IServiceCollection services)
    {
        services.AddOptions<IntegrationApiOptions>().BindConfiguration(IntegrationApiOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Http.IdempotencyPurge>();
        services.AddIntegrationAuthentication();
        services.AddIntake();
        services.AddScoped<ApiAudit>();
        services.AddScoped<CustomerSearch>();
        services.AddApiRateLimits();
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description => description.GroupName == DocumentName;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "ChatCrm integration API",
                    Version = "v1",
                    Description = "Customers, identities, orders, deposits, consents and users for the systems a company already has. " +
                        "Authenticate with an Entra ID app-only token (app roles Crm.Read, Crm.Write, Crm.Users) or an API key (X-Api-Key). " +
                        "Every POST needs an Idempotency-Key; every PUT needs If-Match with the ETag of your last read.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[JwtBearerDefaults.AuthenticationScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "An Entra ID app-only access token for ChatCrm's API registration.",
                };
                document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeyAuthenticationHandler.HeaderName,
                    Description = "A ChatCrm API key (dotnet run --project src/Bot -- apikeys create <name> --scopes crm.read,crm.write).",
                };
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(JwtBearerDefaults.AuthenticationScheme, document)] = [] });
                document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [] });
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static WebApplication MapIntegrationApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Prefix), api => api
            .UseMiddleware<RequestBodyLimit>()
            .UseMiddleware<IdempotentPosts>());

        var v1 = app.MapGroup(Prefix)
            .WithGroupName(DocumentName)
            .RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(IntegrationAuthentication.SchemeName).RequireAuthenticatedUser().Build())
            .RequireRateLimiting(ApiRateLimits.PolicyName)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        v1.MapCustomersApi();
        v1.MapOrdersApi();
        v1.MapConsentsApi();
        v1.MapUsersApi();

        if (app.Environment.IsDevelopment())
        {
            app.MapOpenApi("/openapi/{documentName}.json");
            app.MapScalarApiReference("/scalar", options => options.AddDocument(DocumentName, "ChatCrm integration API", "/openapi/{documentName}.json"));
        }
        return app;
    }
}
