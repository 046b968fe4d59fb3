using ChatCrm.Bot.Features.Digests;
using ChatCrm.Infrastructure.Cases;
using ChatCrm.Infrastructure.Privacy;
using ChatCrm.Infrastructure.Tiers;
using Quartz;

namespace ChatCrm.Bot.Hosting.Scheduling;

/// <summary>
/// A scheduled job in its own DI scope (a fresh <c>DbContext</c> per run). Quartz runs one of a kind at a time
/// across the cluster (<see cref="DisallowConcurrentExecutionAttribute"/>). Adding a job is one small class plus a
/// line in <see cref="SchedulingServices"/>.
/// </summary>
public abstract class ScopedJob(IServiceScopeFactory scopes) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await RunAsync(scope.ServiceProvider, cancellationToken);
    }

    protected abstract Task RunAsync(IServiceProvider services, CancellationToken cancellationToken);
}

/// <summary>Sends the managers' digests that are due.</summary>
[DisallowConcurrentExecution]
public sealed class DigestCheckJob(IServiceScopeFactory scopes) : ScopedJob(scopes)
{
    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<DigestDispatcher>().RunAsync(cancellationToken);
}

/// <summary>
/// Raises the SLA alerts that are due (<see cref="SlaAlertScan"/>). Each alert is claimed by its unique row, so a run on
/// a second instance (SQLite's in-memory store schedules per instance) or after a restart pushes nothing twice.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SlaAlertJob(IServiceScopeFactory scopes) : ScopedJob(scopes)
{
    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<SlaAlertScan>().RunAsync(cancellationToken);
}

/// <summary>Recomputes every customer's value tier (and records the moves the digests report).</summary>
[DisallowConcurrentExecution]
public sealed class TierRecalculationJob(IServiceScopeFactory scopes) : ScopedJob(scopes)
{
    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            await services.GetRequiredService<TierRecalculation>().RecalculateAsync(null, cancellationToken);
        }
        catch (TierRecalculationBusyException)
        {
            // A CLI run holds the lock: that run does the same work.
        }
    }
}

/// <summary>Forgets the REST API's <c>Idempotency-Key</c> records past their retention.</summary>
[DisallowConcurrentExecution]
public sealed class IdempotencyPurgeJob(IServiceScopeFactory scopes) : ScopedJob(scopes)
{
    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<Api.Http.IdempotencyPurge>().RunAsync(cancellationToken);
}

/// <summary>Deletes interactions, audit entries and processed inbox rows past their retention, and says how many.</summary>
[DisallowConcurrentExecution]
public sealed partial class RetentionPurgeJob(IServiceScopeFactory scopes, ILogger<RetentionPurgeJob> logger) : ScopedJob(scopes)
{
    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var report = await services.GetRequiredService<RetentionPurge>().RunAsync(cancellationToken);
        LogPurged(logger, report.Interactions, report.AuditEntries, report.InboxItems, report.OutboxMessages);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention purge: deleted {Interactions} interaction(s), {AuditEntries} audit entr(ies), {InboxItems} processed inbox row(s) and {OutboxMessages} settled reply(ies)")]
    private static partial void LogPurged(ILogger logger, int interactions, int auditEntries, int inboxItems, int outboxMessages);
}
