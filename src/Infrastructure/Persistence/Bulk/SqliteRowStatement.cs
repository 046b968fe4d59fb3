using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ChatCrm.Infrastructure.Persistence.Bulk;

/// <summary>
/// A table's one-row <c>INSERT</c>, prepared once on a SQLite connection and run once per row with its values bound
/// by position through SQLite's own API. Microsoft.Data.Sqlite finds each parameter by name on every execution
/// (encoding the name and searching the statement's parameter list), which cost more than SQLite's insert itself;
/// stepping one prepared row statement is as cheap as SQLite gets (measured faster than multi-row statements and
/// than inserting from a JSON array). Runs inside whatever transaction the connection has open.
/// </summary>
internal sealed class SqliteRowStatement : IDisposable
{
    private readonly BulkInsertTable _table;
    private readonly SqliteConnection _connection;
    private readonly sqlite3 _handle;
    private readonly sqlite3_stmt _statement;

    private SqliteRowStatement(BulkInsertTable table, SqliteConnection connection, sqlite3 handle, sqlite3_stmt statement)
    {
        _table = table;
        _connection = connection;
        _handle = handle;
        _statement = statement;
    }

    /// <summary>
    /// True while <paramref name="connection"/> is the one this statement was prepared on and still holds the same SQLite
    /// handle: a connection closed and opened again may hold another, and a statement of the old one writes outside
    /// the new one's transaction.
    /// </summary>
    public bool IsFor(SqliteConnection connection) => connection == _connection && connection.Handle == _handle;

    /// <summary>The statement for <paramref name="table"/>, or null when one of its column types is not bound here.</summary>
    public static SqliteRowStatement? TryPrepare(BulkInsertTable table, SqliteConnection connection)
    {
        for (var column = 0; column < table.ParameterCount; column++)
        {
            if (!SqliteValueBinding.Supports(table.ProviderType(column)))
                return null;
        }
        var handle = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        var rc = raw.sqlite3_prepare_v2(handle, table.SingleRowSql, out var statement);
        SqliteException.ThrowExceptionForRC(rc, handle);
        return new SqliteRowStatement(table, connection, handle, statement);
    }

    public void Insert(IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        var handle = _handle;
        for (var row = 0; row < rows.Count; row++)
        {
            if (row % 1024 == 0)
                cancellationToken.ThrowIfCancellationRequested();
            var entity = rows[row];
            for (var column = 0; column < _table.ParameterCount; column++)
                SqliteException.ThrowExceptionForRC(SqliteValueBinding.Bind(_statement, column + 1, _table.ProviderValue(entity, column)), handle);
            var rc = raw.sqlite3_step(_statement);
            try
            {
                if (rc != raw.SQLITE_DONE)
                    SqliteException.ThrowExceptionForRC(rc, handle);
            }
            finally
            {
                raw.sqlite3_reset(_statement);
            }
        }
    }

    public void Dispose() => _statement.Dispose();
}
