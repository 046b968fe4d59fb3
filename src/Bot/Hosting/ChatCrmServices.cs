using ChatCrm.Bot.Channels.Slack;
using ChatCrm.Bot.Channels.Teams;
using ChatCrm.Bot.Conversations;
using ChatCrm.Bot.Digests;
using ChatCrm.Bot.Conversations.Access;
using ChatCrm.Bot.Conversations.Customers;
using ChatCrm.Bot.Conversations.Dialogs;
using ChatCrm.Bot.Conversations.Directory;
using ChatCrm.Bot.Conversations.Jobs;
using ChatCrm.Bot.Conversations.Proactive;
using ChatCrm.Bot.Conversations.State;
using ChatCrm.Bot.Conversations.Summaries;
using ChatCrm.Bot.Privacy;
using ChatCrm.Infrastructure.Consents;
using ChatCrm.Infrastructure.Customers;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Privacy;
using Microsoft.AspNetCore.DataProtection;
using ChatCrm.Infrastructure.Seeding;
using ChatCrm.Infrastructure.Offers;
using ChatCrm.Infrastructure.Tiers;

namespace ChatCrm.Bot.Hosting;

public static class ChatCrmServices
{
    /// <summary>Everything the bot needs: persistence, the conversation core and the Teams and Slack channels.</summary>
    public static IServiceCollection AddChatCrm(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddCrmPersistence();
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

    private static void AddConversations(this IServiceCollection services)
    {
        services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.SectionName);
        services.AddOptions<DirectoryOptions>().BindConfiguration(DirectoryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ChatUserDirectory>();
        services.AddScoped<DialogStateStore>();
        services.AddScoped<ConversationReferenceStore>();
        services.AddSingleton<ConfirmedConversationReferences>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<CustomerAccess>();
        services.AddScoped<ExportCustomerJob>();
        services.AddScoped<EraseCustomerJob>();
        services.AddScoped<DuplicatesJob>();
        services.AddScoped<PrivacyPreferencesJob>();
        services.AddScoped<ConsentSubjectReader>();
        services.AddScoped<CustomerMerger>();
        services.AddScoped<CustomerDataExport>();
        services.AddScoped<CustomerErasure>();
        services.AddSingleton<ExportLinks>();
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // Keys in the shared database: a link issued by one instance is honoured by every other.
        services.AddDataProtection().SetApplicationName("ChatCrm").PersistKeysToDbContext<CrmDbContext>();
        services.AddScoped<CustomerFinder>();
        services.AddScoped<CustomerResolver>();
        services.AddScoped<FindCustomerJob>();
        services.AddScoped<CustomerSnapshotReader>();
        services.AddScoped<HistoryJob>();
        services.AddScoped<CustomerSearchJob>();
        services.AddScoped<LastConversationJob>();
        services.AddOptions<SummaryOptions>().BindConfiguration(SummaryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ConversationSummariser>();
        services.AddScoped<DigestCommandJob>();
        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<DigestComposer>();
        services.AddScoped<ChatCrm.Infrastructure.Kpis.TeamKpiQuery>();
        services.AddScoped<KpisJob>();
        services.AddScoped<DigestSender>();
        services.AddScoped<TeamsPersonalChat>();
        services.AddScoped<DigestDispatcher>();
        services.AddScoped<OffersJob>();
        services.AddScoped<OfferAnswerJob>();
        services.AddScoped<OfferSuggester>();
        services.AddScoped<OfferSuggestionsJob>();
        services.AddScoped<CasesJob>();
        services.AddSupportCases();
        services.AddScoped<LogInteractionDialog>();
        services.AddScoped<LogFormValidator>();
        services.AddScoped<LogFormSubmission>();
        services.AddScoped<Conversations.Admin.AdminUserFinder>();
        services.AddScoped<Conversations.Admin.AdminStatusReader>();
        services.AddScoped<Conversations.Admin.AdminMapJob>();
        services.AddScoped<Conversations.Admin.AdminDigestJob>();
        services.AddScoped<Conversations.Admin.AdminJob>();
        services.AddScoped<ConversationEngine>();
    }

    private static void AddTeamsChannel(this IServiceCollection services)
    {
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.SectionName);
        services.AddOptions<BotCredentials>()
            .BindConfiguration(string.Empty)
            .Validate(c => !c.Problems().Any(), "The Azure Bot credentials are incomplete: check MicrosoftAppType, MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId.")
            .ValidateOnStart();
        services.AddHttpClient(nameof(InboundAuthenticator));
        services.AddSingleton<InboundAuthenticator>();
        services.AddSingleton<OutboundTokenProvider>();
        services.AddHttpClient<BotConnectorClient>(client => client.Timeout = TimeSpan.FromSeconds(15))
            .AddConnectorResilience();
    }
}
