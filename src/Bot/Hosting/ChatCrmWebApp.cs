using ChatCrm.Bot.Channels.Teams;

namespace ChatCrm.Bot.Hosting;

/// <summary>The ASP.NET Core host: services, start-up work and endpoints.</summary>
public static class ChatCrmWebApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddChatCrm();
        builder.Services.AddHostedService<DatabaseStartup>();
        builder.Services.AddHostedService<DemoDataStartup>();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapGet("/", () => Results.Text("ChatCrm is running. Point your bot's messaging endpoint at /api/messages."));
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        app.MapTeamsEndpoint();
        return app;
    }
}
