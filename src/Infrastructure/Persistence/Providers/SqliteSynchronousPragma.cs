using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChatCrm.Infrastructure.Persistence.Providers;

/// <summary>
/// Sets SQLite's <c>synchronous</c> level on every physical connection ChatCrm opens (the setting belongs to the
/// connection, not the file, so it is set when a pooled connection is first opened and remembered by its handle).
/// See <see cref="SqliteSynchronous"/> for what each level risks.
/// </summary>
public sealed class SqliteSynchronousPragma(SqliteSynchronous level) : DbConnectionInterceptor
{
    private readonly ConditionalWeakTable<object, object> _set = [];
    private readonly string _statement = $"PRAGMA synchronous = {level.ToString().ToUpperInvariant()};";

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
        if (connection is not SqliteConnection { Handle: { } handle } || _set.TryGetValue(handle, out _))
            return false;
        _set.AddOrUpdate(handle, handle);
        command = connection.CreateCommand();
        command.CommandText = _statement;
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
