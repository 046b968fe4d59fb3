using System.Net;
using ChatCrm.Bot.Hosting;

namespace ChatCrm.Bot.Channels.Teams;

/// <summary>
/// How calls to the Bot Connector are retried, as the service asks: 429 (honouring <c>Retry-After</c>), 412 and
/// 502/503/504 and dropped connections are retried with backoff; 500 and other errors are not (retrying would
/// repeat whatever failed). Everything stays inside a budget that leaves the turn within Teams' time limit.
/// </summary>
public static class ConnectorResilience
{
    private static readonly HashSet<HttpStatusCode> Transient =
    [
        HttpStatusCode.TooManyRequests,
        HttpStatusCode.PreconditionFailed,
        HttpStatusCode.BadGateway,
        HttpStatusCode.ServiceUnavailable,
        HttpStatusCode.GatewayTimeout,
    ];

    private static readonly RetryBudget Budget = new(Total: TimeSpan.FromSeconds(10), MaxRetryAttempts: 3, PerAttempt: TimeSpan.FromSeconds(4));

    public static IHttpClientBuilder AddConnectorResilience(this IHttpClientBuilder builder) =>
        builder.AddTransientRetry("bot-connector", Transient, Budget);
}
