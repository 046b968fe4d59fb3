using ChatCrm.Bot.Channels.Teams;
using ChatCrm.Domain.Digests;

namespace ChatCrm.Bot.Conversations.Admin;

/// <summary>
/// What the admin status card shows: whether each channel is wired, the database and its migration level, the
/// scheduler and its jobs, the next digests due, the offer model, and the app version. Settings are reported as set
/// or not; no secret, token or password ever appears here.
/// </summary>
public sealed record AdminStatus(
    TeamsChannelStatus Teams,
    SlackChannelStatus Slack,
    DatabaseStatus Database,
    SchedulerView Scheduler,
    IReadOnlyList<DigestDue> Digests,
    OfferModelStatus? OfferModel,
    string AppVersion);

/// <param name="Configured">An app id is set (without one, only local tools in Development can talk to the bot).</param>
public sealed record TeamsChannelStatus(bool Configured, BotAppType AppType, bool PasswordSet, bool TenantSet);

/// <param name="Workspaces">Workspaces installed through OAuth whose token is usable.</param>
/// <param name="RotatingWorkspaces">Of those, how many have token rotation on (a refresh token stored).</param>
public sealed record SlackChannelStatus(bool Enabled, bool SigningSecretSet, bool BotTokenSet, bool CanInstall, int Workspaces, int RotatingWorkspaces);

/// <param name="LastMigration">The id of the last migration applied, null when none is.</param>
/// <param name="Pending">Migrations the code has that the database has not applied yet.</param>
public sealed record DatabaseStatus(string Provider, string? LastMigration, int Pending);

/// <param name="Clustered">The job store is the shared database (several instances, one firing each) rather than memory.</param>
public sealed record SchedulerView(bool Enabled, bool Running, bool Clustered, IReadOnlyList<ScheduledJobView> Jobs);

public sealed record ScheduledJobView(string Name, DateTimeOffset? NextFireTime);

/// <summary>One manager's digest and when it is next due.</summary>
public sealed record DigestDue(string Manager, DigestSubscription Subscription, DateTimeOffset Next);

public sealed record OfferModelStatus(DateTimeOffset TrainedAt, int TrainingRows, double HeldOutAuc);
