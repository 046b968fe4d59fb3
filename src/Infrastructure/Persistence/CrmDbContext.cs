using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Customers.Merging;
using ChatCrm.Domain.Digests;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Offers;
using ChatCrm.Domain.Orders;
using ChatCrm.Domain.Privacy;
using ChatCrm.Domain.PrivacyCentre;
using ChatCrm.Domain.Tiers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence.Conversion;
using ChatCrm.Infrastructure.Persistence.Search;
using ChatCrm.Infrastructure.Persistence.Inbox;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChatCrm.Infrastructure.Persistence;

/// <summary>
/// The one model of the CRM database. Each provider has a thin subclass (see <c>Providers/</c>) only so
/// that it can carry its own migrations; the model itself is defined here and in <c>Configurations/</c>.
/// Every table carries a <c>Version</c> concurrency token, bumped on each update, so several instances
/// can share the database without losing each other's writes.
/// </summary>
public abstract class CrmDbContext : DbContext, IDataProtectionKeyContext
{
    protected CrmDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<CustomerIdentity> CustomerIdentities => Set<CustomerIdentity>();

    public DbSet<Interaction> Interactions => Set<Interaction>();

    public DbSet<User> Users => Set<User>();

    public DbSet<Offer> Offers => Set<Offer>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<ConsentRecord> ConsentRecords => Set<ConsentRecord>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<CustomerMergeRecord> CustomerMerges => Set<CustomerMergeRecord>();

    public DbSet<DialogStateRecord> DialogStates => Set<DialogStateRecord>();

    /// <summary>Where the bot can message a chat unasked (proactive digests); retired when it can no longer post there.</summary>
    public DbSet<ConversationReferenceRecord> ConversationReferences => Set<ConversationReferenceRecord>();

    /// <summary>The Slack workspaces the app was installed in through OAuth, with their encrypted bot tokens.</summary>
    public DbSet<SlackInstallationRecord> SlackInstallations => Set<SlackInstallationRecord>();

    public DbSet<SlackInstallLinkRecord> SlackInstallLinks => Set<SlackInstallLinkRecord>();

    /// <summary>Grants of the admin or privacy officer role waiting for (or decided by) a second admin.</summary>
    public DbSet<RoleGrantRequest> RoleGrantRequests => Set<RoleGrantRequest>();

    /// <summary>ASP.NET Core Data Protection keys (for export links), shared by every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<CustomerValue> CustomerValues => Set<CustomerValue>();

    public DbSet<TierChange> TierChanges => Set<TierChange>();

    public DbSet<CustomerNeed> CustomerNeeds => Set<CustomerNeed>();

    /// <summary>The word index of customers' names and companies (see <see cref="SearchIndexUpkeep"/>, which keeps it on every save).</summary>
    public DbSet<CustomerSearchTerm> CustomerSearchTerms => Set<CustomerSearchTerm>();

    /// <summary>The vocabulary of the word index, keyed for exact, unfinished and mistyped words.</summary>
    public DbSet<SearchWordVariant> SearchWordVariants => Set<SearchWordVariant>();

    /// <summary>The word-pair index: the customers having two given words, for searches by two common words.</summary>
    public DbSet<CustomerSearchPair> CustomerSearchPairs => Set<CustomerSearchPair>();

    /// <summary>Chat work accepted and acknowledged but not yet done (see <see cref="InboxStore"/>).</summary>
    public DbSet<InboxItem> InboxItems => Set<InboxItem>();

    /// <summary>Chat replies written with their turn, delivered after the commit (see <see cref="Outbox.OutboxStore"/>).</summary>
    public DbSet<Outbox.OutboxMessage> OutboxMessages => Set<Outbox.OutboxMessage>();

    /// <summary>Support cases with their permanent history (<see cref="CaseHistory"/>, only ever appended to).</summary>
    public DbSet<SupportCase> SupportCases => Set<SupportCase>();

    public DbSet<CaseHistoryEntry> CaseHistory => Set<CaseHistoryEntry>();

    /// <summary>The SLA alerts raised, one row per case, target and threshold (unique): the exactly-once claim of each push.</summary>
    public DbSet<SlaAlert> SlaAlerts => Set<SlaAlert>();

    /// <summary>Card forms already stored, by form id, so a second press of the same form logs nothing twice.</summary>
    public DbSet<SubmittedFormRecord> SubmittedForms => Set<SubmittedFormRecord>();

    /// <summary>Every offer shown to a rep, with the customer's answer as it stands (the propensity model's labels).</summary>
    public DbSet<OfferPresentation> OfferPresentations => Set<OfferPresentation>();

    /// <summary>Every answer ever given to a presentation, kept when a later answer replaces it.</summary>
    public DbSet<OfferAnswer> OfferAnswers => Set<OfferAnswer>();

    /// <summary>The trained propensity models; the newest ranks offers on every instance.</summary>
    public DbSet<Offers.OfferModelVersion> OfferModelVersions => Set<Offers.OfferModelVersion>();

    /// <summary>Customer events waiting for the owning rep's <c>suggestions</c> command (one per customer and trigger).</summary>
    public DbSet<Offers.QueuedOfferSuggestion> QueuedOfferSuggestions => Set<Offers.QueuedOfferSuggestion>();

    /// <summary>Managers' digest settings (one per manager).</summary>
    public DbSet<DigestSubscription> DigestSubscriptions => Set<DigestSubscription>();

    /// <summary>Digests claimed and sent, one per manager and period (the claim that keeps a digest from going out twice).</summary>
    public DbSet<DigestDelivery> DigestDeliveries => Set<DigestDelivery>();

    /// <summary>The API keys of integrations without Entra ID (hashed secrets and scopes).</summary>
    public DbSet<Integrations.ApiKey> ApiKeys => Set<Integrations.ApiKey>();

    /// <summary>REST API POSTs by client and <c>Idempotency-Key</c>, with the response a replay gets.</summary>
    public DbSet<Integrations.IdempotencyRecord> IdempotencyRecords => Set<Integrations.IdempotencyRecord>();

    /// <summary>Single-use sign-in links to customers' privacy centres (token hashes only).</summary>
    public DbSet<PrivacyLink> PrivacyLinks => Set<PrivacyLink>();

    /// <summary>Customers signed in to their privacy centre (token hashes only), ended on sign-out.</summary>
    public DbSet<PrivacySession> PrivacySessions => Set<PrivacySession>();

    /// <summary>Customers' own erasure requests, waiting for a privacy officer or done.</summary>
    public DbSet<ErasureRequest> ErasureRequests => Set<ErasureRequest>();

    /// <summary>Single-use download links for customers' exports (token hashes only).</summary>
    public DbSet<ExportLink> ExportLinks => Set<ExportLink>();

    /// <summary>One satisfaction survey per resolution of a case: queued, e-mailed (token hash only) or not, answered.</summary>
    public DbSet<Domain.Satisfaction.SatisfactionSurvey> SatisfactionSurveys => Set<Domain.Satisfaction.SatisfactionSurvey>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        SearchIndexUpkeep.Stage(this);
        Infrastructure.Offers.OfferTriggerUpkeep.Stage(this);
        Satisfaction.SatisfactionSurveyUpkeep.Stage(this);
        ConcurrencyVersion.BumpModified(ChangeTracker);
        int saved;
        try
        {
            saved = base.SaveChanges(acceptAllChangesOnSuccess);
        }
        catch (DbUpdateException) when (SearchIndexUpkeep.UnstageVocabulary(this) | Infrastructure.Offers.OfferTriggerUpkeep.UnstageNew(this))
        {
            // Another save added the same new word (or queued the same suggestion) first: stage what is still missing and save once more.
            SearchIndexUpkeep.Stage(this);
            Infrastructure.Offers.OfferTriggerUpkeep.Stage(this);
            saved = base.SaveChanges(acceptAllChangesOnSuccess);
        }
        Infrastructure.Offers.OfferTriggerUpkeep.Saved(this);
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await SearchIndexUpkeep.StageAsync(this, cancellationToken);
        await Infrastructure.Offers.OfferTriggerUpkeep.StageAsync(this, cancellationToken);
        Satisfaction.SatisfactionSurveyUpkeep.Stage(this);
        ConcurrencyVersion.BumpModified(ChangeTracker);
        int saved;
        try
        {
            saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateException) when (SearchIndexUpkeep.UnstageVocabulary(this) | Infrastructure.Offers.OfferTriggerUpkeep.UnstageNew(this))
        {
            // Another save added the same new word (or queued the same suggestion) first: stage what is still missing and save once more.
            await SearchIndexUpkeep.StageAsync(this, cancellationToken);
            await Infrastructure.Offers.OfferTriggerUpkeep.StageAsync(this, cancellationToken);
            saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        Infrastructure.Offers.OfferTriggerUpkeep.Saved(this);
        return saved;
    }

    /// <summary>
    /// Options every registration of the context adds to its provider's (pooled contexts may not change their
    /// options in <c>OnConfiguring</c>, so they are set where the context is registered).
    /// </summary>
    public static DbContextOptionsBuilder WithCrmDefaults(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        // The search index takes "any N" rows on purpose (a bounded count, a capped candidate list): an order would cost a sort.
        return optionsBuilder.ConfigureWarnings(w => w.Ignore(CoreEventId.RowLimitingOperationWithoutOrderByWarning));
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CrmDbContext).Assembly);
        Scheduling.QuartzStoreModel.Apply(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        StronglyTypedIdConventions.Apply(configurationBuilder);
        ConfigureProviderConventions(configurationBuilder);
    }

    /// <summary>Lets a provider store a type differently (SQLite cannot order timestamps with offsets, for example).</summary>
    protected virtual void ConfigureProviderConventions(ModelConfigurationBuilder configurationBuilder)
    {
    }
}
