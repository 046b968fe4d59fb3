using Microsoft.Data.SqlClient;
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
/// A database that does not exist yet is created first (an administrator's first start names a new one): on PostgreSQL
/// from the maintenance database <c>postgres</c>, on SQL Server by EF Core; two instances creating it at once both go
/// on, and the lock still lets only one migrate. An account that may not create databases, or cannot connect at all,
/// stops start-up with one <see cref="DatabaseSetupException"/> line naming <c>Database:ConnectionString</c>.
/// </summary>
public sealed partial class DatabaseMigrator(CrmDbContext db, ILogger<DatabaseMigrator> logger)
{
    /// <summary>The advisory lock key of a migration run ("ChatCrmMg" in ASCII): any fixed number no other code uses.</summary>
    public const long PostgresMigrationLockKey = 0x4368_6174_4372_6D4D;

    /// <summary>The database every PostgreSQL server has, from which a missing one is created.</summary>
    public const string MaintenanceDatabase = "postgres";

    private const int SqlServerCreateDatabaseDenied = 262;
    private const int SqlServerDatabaseExists = 1801;
    private const int SqlServerCannotOpenDatabase = 4060;
    private const int SqlServerLoginFailed = 18456;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await EnsurePostgresDatabaseAsync(cancellationToken);
            await using var guard = await PostgresMigrationGuardAsync(cancellationToken);
            await ApplyPendingAsync(cancellationToken);
            return;
        }
        if (db.Database.IsSqlServer())
        {
            await ApplySqlServerAsync(cancellationToken);
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
    /// Connects to the configured database; when the server says it does not exist, creates it from the maintenance
    /// database. "Already exists" means another instance was quicker, which is as good.
    /// </summary>
    private async Task EnsurePostgresDatabaseAsync(CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false };
        try
        {
            await using var probe = new NpgsqlConnection(target.ConnectionString);
            await probe.OpenAsync(cancellationToken);
            return;
        }
        catch (PostgresException problem) when (problem.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // Created below.
        }
        catch (NpgsqlException problem)
        {
            throw new DatabaseSetupException(
                $"Cannot connect to the PostgreSQL database \"{target.Database}\" on {target.Host} named by Database:ConnectionString: {problem.Message}", problem);
        }

        var name = target.Database!;
        var maintenance = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = MaintenanceDatabase };
        try
        {
            await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {QuotePostgres(name)}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            LogDatabaseCreated(logger, name);
        }
        catch (PostgresException problem) when (problem.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another instance created it between our probe and our CREATE DATABASE.
        }
        catch (PostgresException problem) when (problem.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new DatabaseSetupException(
                $"The PostgreSQL database \"{name}\" named by Database:ConnectionString does not exist, and its account \"{target.Username}\" may not create "
                + $"databases: create it (CREATE DATABASE \"{name}\" OWNER \"{target.Username}\";) or grant the account CREATEDB, then start again.", problem);
        }
        catch (NpgsqlException problem)
        {
            throw new DatabaseSetupException(
                $"The PostgreSQL database \"{name}\" named by Database:ConnectionString does not exist, and it could not be created from the "
                + $"\"{MaintenanceDatabase}\" database: {problem.Message}. Create it, then start again.", problem);
        }
    }

    /// <summary>
    /// EF Core creates a missing SQL Server database itself; two instances doing so at once make one fail with "already
    /// exists" (1801), which then simply migrates under EF Core's lock. A login without CREATE DATABASE permission (262),
    /// or one that cannot log in, is refused with the setting named.
    /// </summary>
    private async Task ApplySqlServerAsync(CancellationToken cancellationToken)
    {
        var target = new SqlConnectionStringBuilder(db.Database.GetConnectionString());
        try
        {
            try
            {
                await ApplyPendingAsync(cancellationToken);
            }
            catch (SqlException problem) when (problem.Number == SqlServerDatabaseExists)
            {
                await ApplyPendingAsync(cancellationToken);
            }
        }
        catch (SqlException problem) when (problem.Number == SqlServerCreateDatabaseDenied)
        {
            throw new DatabaseSetupException(
                $"The SQL Server database \"{target.InitialCatalog}\" named by Database:ConnectionString does not exist, and its login may not create "
                + "databases: create it and make the login its db_owner, then start again.", problem);
        }
        catch (SqlException problem) when (problem.Number is SqlServerLoginFailed or SqlServerCannotOpenDatabase)
        {
            throw new DatabaseSetupException(
                $"Cannot connect to the SQL Server database \"{target.InitialCatalog}\" on {target.DataSource} named by Database:ConnectionString: {problem.Message}",
                problem);
        }
    }

    private static string QuotePostgres(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the database {Database}, which did not exist")]
    private static partial void LogDatabaseCreated(ILogger logger, string database);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migration(s) on {Provider}")]
    private static partial void LogApplying(ILogger logger, int count, string provider);
}
