using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChatCrm.Infrastructure.Persistence;

/// <summary>Brings the database to the newest migration of its provider (EF Core takes a lock, so several instances may start at once).</summary>
public sealed partial class DatabaseMigrator(CrmDbContext db, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            LogApplying(logger, pending.Count, db.Database.ProviderName ?? "?");
            await db.Database.MigrateAsync(cancellationToken);
        }
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migration(s) on {Provider}")]
    private static partial void LogApplying(ILogger logger, int count, string provider);
}
