using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChatCrm.Infrastructure.Persistence.Providers;

/// <summary>
/// Sets two of SQLite's per-connection settings on every physical connection ChatCrm opens (they belong to the
/// connection, not the file, so they are set when a pooled connection is first opened and remembered by its handle):
/// <list type="bullet">
/// <item>the <c>synchronous</c> level; see <see cref="SqliteSynchronous"/> for what each level risks;</item>
/// <item>the <c>busy_timeout</c>, as long as the connection's own timeout (<c>Default Timeout</c>, 30 s unless the
/// connection string says otherwise). A writer that finds the single write lock taken then waits inside SQLite, which
/// tries again after 1, 2, 5, 10… ms, instead of failing at once into Microsoft.Data.Sqlite's own retry, which blocks
/// its thread for 150 ms per try. With several turns committing at once that sleep was most of a turn's p99 (measured
/// in docs/performance.md); how long a writer may wait in all is unchanged.</item>
/// </list>
/// </summary>
public sealed class SqliteConnectionPragmas(SqliteSynchronous level) : DbConnectionInterceptor
{
    private readonly ConditionalWeakTable<object, object> _set = [];
    private readonly string _synchronous = $"PRAGMA synchronous = {level.ToString().ToUpperInvariant()};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsSetting(connection, out var command))
            using (command)
                command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NeedsSetting(connection, out var command))
            await using (command)
                await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private bool NeedsSetting(DbConnection connection, out DbCommand command)
    {
        command = null!;
        if (connection is not SqliteConnection { Handle: { } handle } sqlite || _set.TryGetValue(handle, out _))
            return false;
        _set.AddOrUpdate(handle, handle);
        command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture,
            $"{_synchronous} PRAGMA busy_timeout = {(long)sqlite.DefaultTimeout * 1000};");
        return true;
    }
}

/// <summary>
/// How hard SQLite works to make a commit durable (<c>Database:SqliteSynchronous</c>). The database runs in WAL mode.
/// </summary>
public enum SqliteSynchronous
{
    /// <summary>
    /// The default: a commit is written to the write-ahead log, which is synced at each checkpoint, not at each commit.
    /// A process crash (kill -9) loses nothing committed: the log is in the operating system's hands. A power cut or an
    /// operating-system crash may lose the last transactions committed before it (never corrupting the database).
    /// </summary>
    Normal = 1,

    /// <summary>Every commit waits for the log to reach the disk: nothing committed is lost even on power loss, at a cost per commit.</summary>
    Full = 2,
}
