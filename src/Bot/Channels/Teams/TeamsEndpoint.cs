using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Bot.Features.Customers;
using ChatCrm.Bot.Features.Privacy;
using System.Text.Json;
using ChatCrm.Bot.Cards;
using ChatCrm.Bot.Channels.Teams.Protocol;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Logging;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Channels.Teams;

/// <summary>
/// <c>POST /api/messages</c>: the Bot Framework messaging endpoint. Authenticates, reads the activity, and hands
/// messages to the channel-neutral <see cref="ConversationEngine"/>. HTTP answers follow the protocol: 401 for a
/// failed authentication, 403 for an activity from another channel than Teams or a tenant not served
/// (<see cref="ActivityOrigin"/>), 400 for an unreadable or incomplete activity, 413 for an oversized one, 200 for
/// everything handled or deliberately ignored, 501 for invokes ChatCrm does not implement.
/// </summary>
public static partial class TeamsEndpoint
{
    public static IEndpointRouteBuilder MapTeamsEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", HandleAsync).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http,
        InboundAuthenticator authenticator,
        ConversationEngine engine,
        BotConnectorClient connector,
        ConversationReferenceStore references,
        IOptions<TeamsOptions> options,
        IOptions<BotCredentials> credentials,
        IHostEnvironment environment,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(TeamsEndpoint));
        var verdict = await authenticator.AuthenticateAsync(http.Request.Headers.Authorization, cancellationToken);
        if (!verdict.Allowed)
            return Unauthorized(logger, verdict.Reason);

        var read = await ActivityReader.ReadAsync(http.Request, options.Value.MaxRequestBytes, cancellationToken);
        if (read.Problem is { } problem)
            return problem;
        var activity = read.Activity!;
        if (!verdict.Covers(activity.ServiceUrl, activity.ChannelId))
            return Unauthorized(logger, "the token does not vouch for this activity's serviceUrl and channel");
        if (ActivityOrigin.Refusal(activity, options.Value, credentials.Value) is { } refusal)
        {
            LogForbidden(logger, refusal, activity.ChannelId, activity.Conversation?.TenantId);
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: $"ChatCrm does not serve this activity: {refusal}.");
        }

        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["ConversationId"] = new LoggedText(activity.Conversation?.Id),
            ["ActivityId"] = new LoggedText(activity.Id),
        });

        switch (activity.Type)
        {
            case ActivityTypes.Message:
            case ActivityTypes.ConversationUpdate:
            case ActivityTypes.InstallationUpdate:
                break;
            case ActivityTypes.Invoke when activity.Name is UniversalActionInvoke.Name or MessageExtensionInvoke.QueryName or MessageExtensionInvoke.QueryLinkName:
                break;
            case ActivityTypes.Invoke:
                LogIgnoredInvoke(logger, activity.Name ?? "?");
                return Results.StatusCode(StatusCodes.Status501NotImplemented);
            default:
                LogIgnored(logger, activity.Type!);
                return Results.Ok();
        }

        if (ActivityReader.MissingConversationFields(activity) is { } missing)
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Incomplete activity", detail: missing);
        if (!ServiceUrlPolicy.TryAccept(activity.ServiceUrl!, options.Value, environment, out var serviceUrl))
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Service URL not allowed",
                detail: "The activity's serviceUrl is not one of the configured Teams:AllowedServiceUrlHosts.");

        var responder = new TeamsResponder(connector, activity, serviceUrl, http.RequestServices.GetRequiredService<TeamsDirectMessenger>());
        try
        {
            if (activity.Type is ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate)
            {
                await InstallationEvents.HandleAsync(activity, references, responder, cancellationToken);
                return Results.Ok();
            }
            if (activity.Name is MessageExtensionInvoke.QueryName or MessageExtensionInvoke.QueryLinkName)
            {
                // The compose box may be in a chat the bot is not part of: no reference is kept from it.
                return await MessageExtensionInvoke.HandleAsync(activity, http.RequestServices.GetRequiredService<IComposeBoxSearch>(),
                    http.RequestServices.GetRequiredService<IOptions<PrivacyOptions>>().Value, cancellationToken);
            }
            await RememberAsync(activity, references, cancellationToken);
            if (activity.Type == ActivityTypes.Invoke)
                return await UniversalActionInvoke.HandleAsync(activity, engine, responder, cancellationToken);
            await engine.HandleAsync(TeamsTurnMapper.ToTurn(activity), responder, cancellationToken);
        }
        catch (BotConnectorException failure)
        {
            // What the turn stored is kept; the reply could not be delivered and Teams retrying would not help.
            LogReplyFailed(logger, failure.StatusCode, failure.ErrorCode);
        }
        return Results.Ok();
    }

    /// <summary>Each message keeps the conversation's reference current (no database work unless something changed).</summary>
    private static async Task RememberAsync(Activity activity, ConversationReferenceStore references, CancellationToken cancellationToken)
    {
        if (TeamsConversationAddress.From(activity) is { } address)
            await references.RememberOnTurnAsync(TeamsConversationAddress.Key(address.ConversationId), address, cancellationToken);
    }

    private static IResult Unauthorized(ILogger logger, string reason)
    {
        LogUnauthorized(logger, reason);
        return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a call to /api/messages: {Reason}")]
    private static partial void LogUnauthorized(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an activity from channel {ChannelId}, tenant {TenantId}: {Reason}")]
    private static partial void LogForbidden(ILogger logger, string reason, LoggedText channelId, LoggedText tenantId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored activity {What}")]
    private static partial void LogIgnored(ILogger logger, LoggedText what);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Answered an unimplemented invoke {Name} with 501")]
    private static partial void LogIgnoredInvoke(ILogger logger, LoggedText name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deliver a reply: {Status} {ErrorCode}")]
    private static partial void LogReplyFailed(ILogger logger, int status, LoggedText errorCode);
}
