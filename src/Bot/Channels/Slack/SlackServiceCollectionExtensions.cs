using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Conversations.Channels;
using ChatCrm.Bot.Inbox;
using ChatCrm.Bot.Outbox;
using ChatCrm.Bot.Channels.Slack.AppHome;
using ChatCrm.Bot.Channels.Slack.Install;
using ChatCrm.Bot.Channels.Slack.Interactions;
using ChatCrm.Bot.Channels.Slack.Inbox;
using ChatCrm.Bot.Channels.Slack.Modals;
using ChatCrm.Bot.Channels.Slack.Shortcuts;
using ChatCrm.Bot.Channels.Slack.WebApi;
using ChatCrm.Bot.Conversations.Directory;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Channels.Slack;

public static partial class SlackServiceCollectionExtensions
{
    /// <summary>The Slack channel: options (failing closed), request signing, the Web API client and the inbox handler.</summary>
    public static IServiceCollection AddSlackChannel(this IServiceCollection services)
    {
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<SlackOptions>, SlackEnvironmentSecrets>();
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidation>();
        services.AddSingleton<SlackRequestReader>();
        services.AddSingleton<ResponseUrlPolicy>();
        // The intake wakes the inbox worker when it stores work; the signal exists without a worker too (CLI hosts).
        services.AddSingleton<InboxSignal>();
        services.AddScoped<SlackAckDeadline>();
        services.AddScoped<SlackIntake>();
        // Writes that may outlive their request; the host waits for them when it stops.
        services.AddSingleton<SlackInboxWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<SlackInboxWriter>());
        services.AddScoped<AppHomePublisher>();
        services.AddScoped<ModalOpener>();
        services.AddScoped<SlackPeople>();
        services.AddScoped<SlackFormModals>();
        services.AddScoped<ISlackViewSubmission>(provider => provider.GetRequiredService<SlackFormModals>());
        services.AddScoped<ISlackModalButton>(provider => provider.GetRequiredService<SlackFormModals>());
        services.AddScoped<SlackInteractionRoutes>();
        services.AddScoped<SlackShortcuts>();
        services.AddScoped<IChatProfiles, SlackProfiles>();
        services.AddScoped<IInboxHandler, SlackInboxHandler>();
        services.AddScoped<IReplyDelivery, SlackReplyDelivery>();
        services.AddScoped<IDirectMessenger, SlackDirectMessenger>();
        services.AddScoped<IChannelSetupReport, SlackSetupReport>();
        services.AddScoped<SlackBotTokens>();
        services.AddSingleton<InstallState>();
        services.AddScoped<SlackInstallLinks>();
        services.AddAdminSubcommand<SlackInstallLinkCommand>();
        // No retries: an authorization code is good for one exchange only.
        services.AddHttpClient<SlackOAuthClient>(client => client.Timeout = TimeSpan.FromSeconds(15));
        services.AddHttpClient<SlackWebApiClient>(client => client.Timeout = TimeSpan.FromMinutes(2))
            .AddSlackResilience();
        return services;
    }

    /// <summary>Maps <c>/slack/*</c> when Slack is enabled; warns when it is enabled without a secret (Development only gets that far).</summary>
    public static WebApplication MapSlackWhenEnabled(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (!options.Enabled)
            return app;
        app.MapSlackEndpoints();
        app.MapSlackInstallEndpoints();
        if (string.IsNullOrWhiteSpace(options.SigningSecret))
            LogNoSecret(app.Logger);
        var domains = app.Services.GetRequiredService<IOptions<DirectoryOptions>>().Value.LinkableEmailDomains.Count;
        if (options.LinkableWorkspaces.Count == 0 || domains == 0)
            LogLinkingOff(app.Logger, SlackSetupReport.Linking(options.LinkableWorkspaces.Count, domains).English);
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack is enabled without a signing secret: /slack/* will refuse every call with 401")]
    private static partial void LogNoSecret(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack accounts are not linked to ChatCrm users by e-mail ({Why}): admins link them with \"admin map slack\"")]
    private static partial void LogLinkingOff(ILogger logger, string why);
}
