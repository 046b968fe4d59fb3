using ChatCrm.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;

namespace ChatCrm.Testing;

/// <summary>
/// A SQLite database for tests: <see cref="InMemory"/> lives as long as this object holds its connection open
/// (every context reaches the same data by the connection string); <see cref="TempFile"/> survives closing every
/// connection (for restart tests) and its files are deleted on dispose.
/// </summary>
public sealed class SqliteTestDatabase : CrmTestDatabase
{
    private SqliteConnection? _keepAlive;

    private SqliteTestDatabase(string connectionString, string? filePath, SqliteConnection? keepAlive)
    {
        ConnectionString = connectionString;
        FilePath = filePath;
        _keepAlive = keepAlive;
    }

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string ConnectionString { get; }

    /// <summary>The database file for <see cref="TempFile"/>; null for an in-memory database.</summary>
    public string? FilePath { get; }

    /// <summary>
    /// The open connection that keeps an in-memory database alive (null for a file). Contexts may use it
    /// directly, or open their own connections with <see cref="CrmTestDatabase.ConnectionString"/>.
    /// </summary>
    public SqliteConnection? Connection => _keepAlive;

    /// <summary>A named, shared-cache in-memory database, kept alive by an open connection until disposed.</summary>
    public static SqliteTestDatabase InMemory()
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = $"chatcrm-test-{Guid.NewGuid():N}",
            Mode = SqliteOpenMode.Memory,
            Cache = SqliteCacheMode.Shared,
            ForeignKeys = true,
        }.ConnectionString;
        var keepAlive = new SqliteConnection(connectionString);
        keepAlive.Open();
        return new SqliteTestDatabase(connectionString, filePath: null, keepAlive);
    }

    /// <summary>A database file in the temp folder; no connection is held, so closing every context really closes it.</summary>
    public static SqliteTestDatabase TempFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"chatcrm-test-{Guid.NewGuid():N}.db");
        return AtPath(path);
    }

    /// <summary>
    /// Like <see cref="TempFile"/>, already at the newest migration: a copy of one template migrated once per test run,
    /// so a host starting on it finds nothing to migrate. For tests about the data, not about migrating. Its connections
    /// are pooled, as the bot's are in production: opening one reads the whole schema again, and without the pool every
    /// unit of work of every turn paid for that (about a quarter of the bot tests' CPU). The pool is emptied on dispose.
    /// </summary>
    public static SqliteTestDatabase MigratedFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"chatcrm-test-{Guid.NewGuid():N}.db");
        File.Copy(MigratedTemplate.Path, path);
        return AtPath(path, pooled: true);
    }

    private static SqliteTestDatabase AtPath(string path, bool pooled = false)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            ForeignKeys = true,
            // A temp file is not pooled: no handle outlives its context, which is what a restart test wants to see.
            Pooling = pooled,
        }.ConnectionString;
        return new SqliteTestDatabase(connectionString, path, keepAlive: null);
    }

    /// <summary>Copies the migrated template into this database with SQLite's backup API, unless it has a table already.</summary>
    protected override async Task<bool> TryCopyMigratedTemplateAsync(CancellationToken cancellationToken)
    {
        SqliteConnection? own = null;
        var target = _keepAlive;
        if (target is null)
        {
            own = new SqliteConnection(ConnectionString);
            await own.OpenAsync(cancellationToken);
            target = own;
        }
        try
        {
            await using (var count = target.CreateCommand())
            {
                count.CommandText = "SELECT count(*) FROM sqlite_master";
                if (Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0)
                    return false;
            }
            await using var template = new SqliteConnection(MigratedTemplate.SourceConnectionString);
            await template.OpenAsync(cancellationToken);
            template.BackupDatabase(target);
            return true;
        }
        finally
        {
            if (own is not null)
                await own.DisposeAsync();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (_keepAlive is not null)
        {
            SqliteConnection.ClearPool(_keepAlive);
            await _keepAlive.DisposeAsync();
            _keepAlive = null;
        }
        if (FilePath is not null)
        {
            using (var pooled = new SqliteConnection(ConnectionString))
                SqliteConnection.ClearPool(pooled);
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
                File.Delete(FilePath + suffix);
        }
    }
}
