using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ChatCrm.Infrastructure.Persistence;

/// <summary>
/// Brings the database to the newest migration of its provider. Several instances may start at once: on SQL Server
/// EF Core's own migration lock (an application lock held by the session) makes the others wait and then find nothing
/// to do. On PostgreSQL EF Core's lock is taken per migration's transaction and released between migrations, so a second
/// instance could slip in and apply the next migration while the first was about to; here the whole run therefore holds
/// a session-level advisory lock first (the scale-out test starts two processes on one fresh database to prove it).
/// </summary>
public sealed partial class DatabaseMigrator(CrmDbContext db, ILogger<DatabaseMigrator> logger)
{
    /// <summary>The advisory lock key of a migration run ("ChatCrmMg" in ASCII): any fixed number no other code uses.</summary>
    public const long PostgresMigrationLockKey = 0x4368_6174_4372_6D4D;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await using var guard = await PostgresMigrationGuardAsync(cancellationToken);
            await ApplyPendingAsync(cancellationToken);
            return;
        }
        await ApplyPendingAsync(cancellationToken);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    private async Task ApplyPendingAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
            return;
        LogApplying(logger, pending.Count, db.Database.ProviderName ?? "?");
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>
    /// A connection of its own (unpooled, so the lock can never outlive the run in a pool) holding the advisory lock;
    /// disposing it releases the lock, and so does the server if this process dies.
    /// </summary>
    private async Task<NpgsqlConnection> PostgresMigrationGuardAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", PostgresMigrationLockKey);
            command.CommandTimeout = 0; // wait as long as the other instance's migrations take
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migration(s) on {Provider}")]
    private static partial void LogApplying(ILogger logger, int count, string provider);
}
