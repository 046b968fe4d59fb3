using ChatCrm.Bot.Conversations.Channels;
using ChatCrm.Domain.Digests;

namespace ChatCrm.Bot.Features.Admin;

/// <summary>
/// What the admin status card shows: whether each channel is wired, the database and its migration level, the
/// scheduler and its jobs, the next digests due, the offer model, and the app version. Settings are reported as set
/// or not; no secret, token or password ever appears here.
/// </summary>
public sealed record AdminStatus(
    IReadOnlyList<ChannelSetup> Channels,
    DatabaseStatus Database,
    SchedulerView Scheduler,
    IReadOnlyList<DigestDue> Digests,
    OfferModelStatus? OfferModel,
    string AppVersion,
    KeyRingView KeyRing);

/// <summary>How the Data Protection keys (Slack tokens, export links) are kept at rest: encrypted to a certificate, or not.</summary>
public sealed record KeyRingView(bool Encrypted, string Description);

/// <param name="LastMigration">The id of the last migration applied, null when none is.</param>
/// <param name="Pending">Migrations the code has that the database has not applied yet.</param>
public sealed record DatabaseStatus(string Provider, string? LastMigration, int Pending);

/// <param name="Clustered">The job store is the shared database (several instances, one firing each) rather than memory.</param>
public sealed record SchedulerView(bool Enabled, bool Running, bool Clustered, IReadOnlyList<ScheduledJobView> Jobs);

public sealed record ScheduledJobView(string Name, DateTimeOffset? NextFireTime);

/// <summary>One manager's digest and when it is next due.</summary>
/// <param name="ManagerZone">The manager's time zone now, which the digest follows.</param>
public sealed record DigestDue(string Manager, DigestSubscription Subscription, DateTimeOffset Next, string ManagerZone);

public sealed record OfferModelStatus(DateTimeOffset TrainedAt, int TrainingRows, double HeldOutAuc);
