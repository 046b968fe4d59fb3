using ChatCrm.Infrastructure.Persistence;

namespace ChatCrm.Bot.Hosting;

/// <summary>Before the host takes requests: migrate the database to the newest schema (see <see cref="SearchIndexCatchUp"/> for the index).</summary>
public sealed class DatabaseStartup(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<DatabaseOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStartup)
            return;
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
