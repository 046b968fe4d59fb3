using ChatCrm.Bot.Outbox;
using ChatCrm.Bot.Api;
using ChatCrm.Bot.Hosting.Scheduling;
using ChatCrm.Bot.Inbox;
using ChatCrm.Bot.Features.Digests;
using ChatCrm.Bot.Features.Privacy;
using ChatCrm.Bot.Features.PrivacyCentre;
using ChatCrm.Bot.Features.Satisfaction;
using ChatCrm.Bot.Channels.Slack;
using ChatCrm.Bot.Channels.Teams;
using ChatCrm.Bot.Hosting.KeyRing;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Hosting;

/// <summary>The ASP.NET Core host: services, start-up work and endpoints.</summary>
public static partial class ChatCrmWebApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        DevelopmentListening.EnsureLoopback(builder.Configuration, builder.Environment);
        // Hosted services start in the order they are added: the schema first, before anything that reads the
        // database at start-up (the Data Protection key ring, demo data, the inbox worker).
        builder.Services.AddHostedService<DatabaseStartup>();
        builder.Services.AddChatCrm(builder.Configuration);
        builder.Services.RequireKeyRingProtection(builder.Environment);
        builder.Services.AddIntegrationApi();
        builder.Services.AddHostedService<DemoDataStartup>();
        builder.Services.AddHostedService<SearchIndexCatchUp>();
        builder.Services.AddDatabaseDelayForDiagnostics();
        builder.Services.AddInboxWorker();
        builder.Services.AddOutboxWorker();
        builder.Services.AddScheduling(builder.Configuration);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapGet("/", () => Results.Text("ChatCrm is running. Point your bot's messaging endpoint at /api/messages."));
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        app.MapTeamsEndpoint();
        app.MapCustomerExports();
        app.MapTeamCharts();
        app.MapPrivacyCentre();
        app.MapSatisfaction();
        app.MapLegalPages();
        app.MapSlackWhenEnabled();
        app.MapIntegrationApi();

        var authenticator = app.Services.GetRequiredService<InboundAuthenticator>();
        if (!app.Services.GetRequiredService<IOptions<BotCredentials>>().Value.IsConfigured && !authenticator.AllowsUnauthenticatedCalls)
            LogTeamsClosed(app.Logger);
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No MicrosoftAppId is configured: /api/messages will refuse every call with 401 until the Azure Bot credentials are set")]
    private static partial void LogTeamsClosed(ILogger logger);
}
