using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using ChatCrm.Bot.Api.Auth;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Api.Http;

/// <summary>
/// Per-client limits: each API key or Entra application gets <see cref="IntegrationApiOptions.RequestsPerMinute"/>
/// requests per minute (per instance, fixed window); past that, 429 with <c>Retry-After</c> in seconds. Limits run
/// after authentication, so one integration's burst never eats another's allowance.
/// </summary>
public static class ApiRateLimits
{
    public const string PolicyName = "integration-api";

    public static IServiceCollection AddApiRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PolicyName, context =>
            {
                var perMinute = context.RequestServices.GetRequiredService<IOptions<IntegrationApiOptions>>().Value.RequestsPerMinute;
                var client = context.User.FindFirstValue(ApiClient.IdClaim) ?? "anonymous";
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : 60;
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests,
                    title: $"Too many requests from this client; try again in {seconds} s.").ExecuteAsync(rejected.HttpContext);
            };
        });
        return services;
    }
}
