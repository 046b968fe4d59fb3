using ChatCrm.Infrastructure.Seeding;
using ChatCrm.Infrastructure.Tiers;

namespace ChatCrm.Bot.Hosting;

/// <summary>The <c>Demo</c> section.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>Give an empty database a small demo data set on first run, so a newcomer sees something at once.</summary>
    public bool SeedEmptyDatabase { get; set; }
}

/// <summary>
/// Seeds a small demo data set into an empty database when <c>Demo:SeedEmptyDatabase</c> is on, and gives it
/// value tiers at once so the first profile card a newcomer opens shows them.
/// </summary>
public sealed partial class DemoDataStartup(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<DemoOptions> options, ILogger<DemoDataStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedEmptyDatabase)
            return;
        await using var scope = scopes.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().EnsureDemoDataAsync(cancellationToken);
        if (report is null)
            return;
        LogSeeded(logger, report.Customers, report.Interactions);
        await scope.ServiceProvider.GetRequiredService<TierRecalculation>().RecalculateAsync(progress: null, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "The database was empty: seeded {Customers} demo customers and {Interactions} interactions")]
    private static partial void LogSeeded(ILogger logger, int customers, int interactions);
}
