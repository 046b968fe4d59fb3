using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Scheduling;
using Quartz;

namespace ChatCrm.Bot.Hosting.Scheduling;

/// <summary>
/// Quartz.NET in the host. On PostgreSQL and SQL Server the job store is the application database (tables from our
/// own migrations, see <see cref="QuartzStoreModel"/>), clustered, so several instances share one schedule and each
/// firing runs on one instance only. SQLite is a single-instance set-up: the in-memory store is enough there.
/// Quartz validates at start-up that the tables exist; it never creates them.
/// </summary>
public static class SchedulingServices
{
    public const string SchedulerName = "ChatCrm";

    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ScheduleOptions>().BindConfiguration(ScheduleOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var scheduling = configuration.GetSection(ScheduleOptions.SectionName).Get<ScheduleOptions>() ?? new ScheduleOptions();
        if (!scheduling.Enabled)
            return services;
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();

        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = SchedulerName);
            if (database.Provider == DatabaseProvider.Sqlite)
                quartz.UseInMemoryStore();
            else
                quartz.UsePersistentStore(store => UseDatabase(store, database));
            Every<DigestCheckJob>(quartz, "digests", scheduling.DigestCheckCron);
            Every<TierRecalculationJob>(quartz, "tier-recalculation", scheduling.TierRecalculationCron);
            Every<OfferRetrainingJob>(quartz, "offer-retraining", scheduling.OfferRetrainingCron);
            Every<IdempotencyPurgeJob>(quartz, "idempotency-purge", scheduling.IdempotencyPurgeCron);
            Every<RetentionPurgeJob>(quartz, "retention-purge", scheduling.RetentionPurgeCron);
            Every<SlaAlertJob>(quartz, "sla-alerts", scheduling.SlaAlertCron);
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return services;
    }

    private static void UseDatabase(IPersistentStoreBuilder store, DatabaseOptions database)
    {
        store.ConfigureStore(options => options.TablePrefix = QuartzStoreModel.TablePrefix);
        store.UseClustering(_ => { });
        if (database.Provider == DatabaseProvider.Postgres)
            store.UsePostgres(database.ConnectionString!);
        else
            store.UseSqlServer(source => source.ConnectionString = database.ConnectionString!);
    }

    private static void Every<TJob>(IQuartzBuilder quartz, string name, string cron) where TJob : IJob =>
        quartz.ScheduleJob<TJob>(trigger => trigger.WithIdentity(name).WithCronSchedule(cron), job => job.WithIdentity(name));
}
