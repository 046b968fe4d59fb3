using ChatCrm.Bot.Hosting.Scheduling;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace ChatCrm.Bot.Tests.Hosting;

/// <summary>
/// On the real PostgreSQL server: the Quartz tables our migrations create are the ones Quartz's Npgsql delegate uses.
/// Two hosts on one database form one cluster (each checks in), share one schedule, and Quartz's start-up schema
/// validation passes on tables it did not create.
/// </summary>
public sealed class QuartzClusteredStoreTests
{
    [Fact]
    public async Task TwoHosts_OnePostgresDatabase_FormOneClusterWithOneSchedule()
    {
        await using var database = await PostgresTestDatabase.CreateAsync(nameof(QuartzClusteredStoreTests));
        await using var first = new ChatCrmApp(database, ChatCrmApp.SchedulerOn);
        await using var second = new ChatCrmApp(database, ChatCrmApp.SchedulerOn);
        _ = first.Services; // start the hosts (migrations, then the scheduler)
        _ = second.Services;

        Assert.NotNull(await first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler());
        // Each instance checks in within its first cluster round; give them a moment, then read the shared tables.
        await WaitForCheckInsAsync(first, 2);

        var (instances, triggers, cron) = await first.WithDatabaseAsync(async db => (
            await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM qrtz_scheduler_state WHERE sched_name = 'ChatCrm'").SingleAsync(),
            await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM qrtz_triggers WHERE sched_name = 'ChatCrm'").SingleAsync(),
            await db.Database.SqlQueryRaw<string>("SELECT cron_expression AS \"Value\" FROM qrtz_cron_triggers WHERE trigger_name = 'tier-recalculation'").SingleAsync()));
        Assert.Equal(2, instances); // clustered: both instances checked in under one scheduler name
        Assert.Equal(6, triggers); // digests, tier recalculation, offer retraining, idempotency purge, retention purge, SLA alerts
        Assert.Equal(new ScheduleOptions().TierRecalculationCron, cron);
        var retraining = await first.WithDatabaseAsync(db =>
            db.Database.SqlQueryRaw<string>("SELECT cron_expression AS \"Value\" FROM qrtz_cron_triggers WHERE trigger_name = 'offer-retraining'").SingleAsync());
        Assert.Equal(new ScheduleOptions().OfferRetrainingCron, retraining);
    }

    private static async Task WaitForCheckInsAsync(ChatCrmApp app, int instances)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var seen = await app.WithDatabaseAsync(db => db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM qrtz_scheduler_state").SingleAsync());
            if (seen >= instances)
                return;
            await Task.Delay(200);
        }
    }
}
