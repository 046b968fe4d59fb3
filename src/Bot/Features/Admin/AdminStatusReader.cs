using System.Reflection;
using ChatCrm.Bot.Conversations.Channels;
using ChatCrm.Bot.Hosting.KeyRing;
using ChatCrm.Bot.Hosting.Scheduling;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace ChatCrm.Bot.Features.Admin;

/// <summary>
/// Gathers <see cref="AdminStatus"/> from the options, the database, the running scheduler and the stored model.
/// Read-only: it changes nothing and calls nothing outside the process and its database.
/// </summary>
public sealed class AdminStatusReader(
    CrmDbContext db,
    IEnumerable<IChannelSetupReport> channels,
    IOptions<DatabaseOptions> database,
    IOptions<ScheduleOptions> schedule,
    IEnumerable<ISchedulerFactory> schedulers,
    KeyRingCertificates keyRing,
    TimeProvider time)
{
    /// <summary>How many upcoming digests the card lists.</summary>
    public const int DigestsShown = 10;

    public async Task<AdminStatus> ReadAsync(CancellationToken cancellationToken)
    {
        var channelSetups = new List<ChannelSetup>();
        foreach (var channel in channels)
            channelSetups.Add(await channel.ReadAsync(cancellationToken));

        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        var databaseStatus = new DatabaseStatus(database.Value.Provider.ToString(), applied.Count == 0 ? null : applied[^1], pending);

        return new AdminStatus(channelSetups, databaseStatus, await ReadSchedulerAsync(cancellationToken),
            await NextDigestsAsync(cancellationToken), await ReadModelAsync(cancellationToken), AppVersion(),
            new KeyRingView(keyRing.Current is not null, keyRing.Describe()));
    }

    private async Task<SchedulerView> ReadSchedulerAsync(CancellationToken cancellationToken)
    {
        var clustered = database.Value.Provider != DatabaseProvider.Sqlite;
        if (!schedule.Value.Enabled || schedulers.FirstOrDefault() is not { } factory)
            return new SchedulerView(Enabled: false, Running: false, clustered, []);
        var scheduler = await factory.GetScheduler(cancellationToken);
        var jobs = new List<ScheduledJobView>();
        foreach (var key in (await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup(), cancellationToken)).OrderBy(k => k.Name, StringComparer.Ordinal))
        {
            var next = (await scheduler.GetTriggersOfJob(key, cancellationToken))
                .Select(t => t.NextFireTimeUtc).Where(t => t is not null).Min();
            jobs.Add(new ScheduledJobView(key.Name, next));
        }
        return new SchedulerView(Enabled: true, scheduler.Status == SchedulerStatus.Running, clustered, jobs);
    }

    private async Task<IReadOnlyList<DigestDue>> NextDigestsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var subscriptions = await db.DigestSubscriptions
            .Join(db.Users, s => s.ManagerId, u => u.Id, (s, u) => new { Subscription = s, u.DisplayName, u.TimeZone })
            .ToListAsync(cancellationToken);
        return subscriptions
            .Select(s => new DigestDue(s.DisplayName, s.Subscription, s.Subscription.ScheduleIn(s.TimeZone).NextAfter(now).DueAt, s.TimeZone))
            .OrderBy(d => d.Next)
            .ThenBy(d => d.Manager, StringComparer.Ordinal)
            .Take(DigestsShown)
            .ToList();
    }

    private async Task<OfferModelStatus?> ReadModelAsync(CancellationToken cancellationToken) =>
        (await db.OfferModelVersions
            .Select(m => new { m.TrainedAt, m.TrainingRows, m.HeldOutAuc })
            .ToListAsync(cancellationToken))
        .OrderByDescending(m => m.TrainedAt)
        .Select(m => new OfferModelStatus(m.TrainedAt, m.TrainingRows, m.HeldOutAuc))
        .FirstOrDefault();

    private static string AppVersion()
    {
        var assembly = typeof(AdminStatusReader).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "unknown";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        // "1.0.0+<commit hash>": the short hash is enough to tell builds apart.
        return plus >= 0 && version.Length > plus + 9 ? version[..(plus + 9)] : version;
    }
}
