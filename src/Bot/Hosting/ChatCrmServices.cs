using ChatCrm.Bot.Conversations.Channels;
using ChatCrm.Bot.Features.Help;
using ChatCrm.Bot.Features.HandOver;
using ChatCrm.Bot.Features.Home;
using ChatCrm.Bot.Features.Settings;
using ChatCrm.Bot.Conversations.Commands;
using ChatCrm.Bot.Features.Admin;
using ChatCrm.Bot.Features.Cases;
using ChatCrm.Bot.Features.Customers;
using ChatCrm.Bot.Features.CustomerUpkeep;
using ChatCrm.Bot.Features.Digests;
using ChatCrm.Bot.Features.Duplicates;
using ChatCrm.Bot.Features.Interactions;
using ChatCrm.Bot.Features.Offers;
using ChatCrm.Bot.Features.Privacy;
using ChatCrm.Bot.Features.PrivacyCentre;
using ChatCrm.Bot.Features.Satisfaction;
using ChatCrm.Bot.Channels.Slack;
using ChatCrm.Bot.Channels.Teams;
using Microsoft.Extensions.Options;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Conversations.Access;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Bot.Conversations.Directory;
using ChatCrm.Bot.Conversations.State;
using ChatCrm.Infrastructure.Consents;
using ChatCrm.Infrastructure.Customers;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Privacy;
using Microsoft.AspNetCore.DataProtection;
using ChatCrm.Infrastructure.Seeding;
using ChatCrm.Infrastructure.Offers;
using ChatCrm.Infrastructure.Tiers;

using ChatCrm.Bot.Features.Directory;

using ChatCrm.Bot.Hosting.KeyRing;
using ChatCrm.Bot.Outbox;

namespace ChatCrm.Bot.Hosting;

public static class ChatCrmServices
{
    /// <summary>Everything the bot needs: persistence, the conversation core and the Teams and Slack channels.</summary>
    public static IServiceCollection AddChatCrm(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddCrmPersistence();
        services.AddKeyRing(configuration);
        services.AddConsentPolicy();
        services.AddDemoSeeding();
        services.AddValueTiers();
        services.AddOfferEngine();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName);
        services.AddConversations();
        services.AddTeamsChannel();
        services.AddSlackChannel();
        return services;
    }

    /// <summary>The turn lifecycle (directory, dialog state, routing, access, audit) and every feature's commands.</summary>
    private static void AddConversations(this IServiceCollection services)
    {
        services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TurnRateLimit>();
        services.AddSingleton<TurnAnswersInstead>();
        services.AddSingleton<ConversationTurnGate>();
        services.AddSingleton<TypingIndicators>();
        services.AddScoped<TurnReplies>();
        services.AddReplyOutbox();
        services.AddOptions<DirectoryOptions>().BindConfiguration(DirectoryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ChatUserDirectory>();
        services.AddScoped<ChatAccountLinker>();
        services.AddScoped<AdminUserFinder>();
        services.AddScoped<DialogStateStore>();
        services.AddScoped<ConversationReferenceStore>();
        services.AddSingleton<ConfirmedConversationReferences>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<CustomerAccess>();
        services.AddScoped<ConsentSubjectReader>();
        services.AddScoped<CustomerFinder>();
        services.AddScoped<CustomerResolver>();
        services.AddScoped<CustomerSnapshotReader>();
        services.AddScoped<OpenCaseReader>();
        services.AddSingleton<CommandRegistry>();
        services.AddScoped<TurnRouter>();
        services.AddScoped<DirectMessages>();
        services.AddScoped<ConversationEngine>();
        services.AddFeatures();
    }

    /// <summary>Every capability's commands, card actions, dialogs and services: the one place that names them all.</summary>
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddHelp();
        services.AddCustomers();
        services.AddInteractions();
        services.AddOffers();
        services.AddCases();
        services.AddDuplicates();
        services.AddCustomerUpkeep();
        services.AddPrivacy();
        services.AddPrivacyCentre();
        services.AddSatisfaction();
        services.AddDigests();
        services.AddAdmin();
        services.AddDirectory();
        services.AddHandOver();
        services.AddHome();
        services.AddSettings();
        return services;
    }

    private static void AddTeamsChannel(this IServiceCollection services)
    {
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.SectionName)
            .Validate<IOptions<BotCredentials>, IHostEnvironment>((teams, credentials, environment) => ActivityOrigin.StartupProblem(teams, credentials.Value, environment) is null,
                "Teams:AllowedTenants is required for a MultiTenant bot outside Development: list the Entra tenant ids it serves, or \"any\" to serve every tenant.")
            .ValidateOnStart();
        services.AddOptions<BotCredentials>()
            .BindConfiguration(string.Empty)
            .Validate(c => !c.Problems().Any(), "The Azure Bot credentials are incomplete: check MicrosoftAppType, MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId.")
            .ValidateOnStart();
        services.AddHttpClient(nameof(InboundAuthenticator));
        services.AddSingleton<InboundAuthenticator>();
        services.AddSingleton<OutboundTokenProvider>();
        services.AddHttpClient<BotConnectorClient>(client => client.Timeout = TimeSpan.FromSeconds(15))
            .AddConnectorResilience();
        services.AddScoped<TeamsPersonalChat>();
        services.AddScoped<TeamsDirectMessenger>();
        services.AddScoped<IReplyDelivery, TeamsReplyDelivery>();
        services.AddScoped<IDirectMessenger>(provider => provider.GetRequiredService<TeamsDirectMessenger>());
        services.AddScoped<IChannelSetupReport, TeamsSetupReport>();
    }
}
