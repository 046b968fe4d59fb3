using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Search;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Hosting;

/// <summary>
/// After start-up, in the background: indexes customers that reached the database by other means than ChatCrm
/// (imports, bulk loads), so search finds them. Finding there is nothing to do reads every customer's key once
/// (seconds at a million customers), which is why it does not hold up the first request.
/// </summary>
public sealed partial class SearchIndexCatchUp(IServiceScopeFactory scopes, IOptions<DatabaseOptions> options, ILogger<SearchIndexCatchUp> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.MigrateOnStartup)
            return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var indexed = await scope.ServiceProvider.GetRequiredService<SearchIndexBackfill>().RunAsync(stoppingToken);
            if (indexed > 0)
                LogIndexed(logger, indexed);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // Another instance catching up at the same time, or the database briefly away: the next start tries again.
            LogFailed(logger, failure);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexed {Count} customers that were missing from the search index")]
    private static partial void LogIndexed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catching up the search index failed; it is retried at the next start")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
