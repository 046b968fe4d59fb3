using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Search;

namespace ChatCrm.Bot.Hosting;

/// <summary>Before the host takes requests: migrate the database to the newest schema and index customers missing from the search index.</summary>
public sealed class DatabaseStartup(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<DatabaseOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStartup)
            return;
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<SearchIndexBackfill>().RunAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
