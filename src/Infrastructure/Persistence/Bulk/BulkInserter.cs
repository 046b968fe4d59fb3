using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChatCrm.Infrastructure.Persistence.Bulk;

/// <summary>
/// Adds many new rows quickly: multi-row parameterised <c>INSERT … VALUES (…), (…)</c> statements built from the
/// EF Core model of the context, without change tracking. Values go through the same type mappings and value
/// converters as <c>SaveChanges</c> (SQLite ticks and cents, Guid formats, enums as text), so EF reads them back
/// unchanged. The command for a full batch is prepared once per table and reused. On SQLite the rows go one at a
/// time through a prepared one-row statement bound by position instead (<see cref="SqliteRowStatement"/>).
/// <para>
/// Call it inside a transaction begun on the context (<c>Database.BeginTransactionAsync</c>); insert parent rows
/// before their children. Entities are written as they are: they carry their own keys, and nothing is tracked.
/// Like the <see cref="DbContext"/> it writes through, one inserter serves one caller at a time.
/// </para>
/// </summary>
public sealed class BulkInserter : IAsyncDisposable
{
    /// <summary>SQL Server accepts at most 1,000 rows in one VALUES list; more rows per statement gain nothing elsewhere either.</summary>
    private const int MaxRowsPerStatement = 1000;

    private readonly DbContext _db;
    private readonly ISqlGenerationHelper _sql;
    private readonly int _maxParameters;
    private readonly Dictionary<(Type, bool), BulkInsertTable> _tables = [];
    private readonly Dictionary<(Type, bool), DbCommand> _fullBatchCommands = [];
    private readonly Dictionary<(Type, bool), SqliteRowStatement?> _sqliteStatements = [];

    public BulkInserter(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        _db = db;
        _sql = db.GetService<ISqlGenerationHelper>();
        _maxParameters = ParameterBudget(db.Database);
    }

    /// <summary>Inserts <paramref name="entities"/> into their table and returns how many rows were given.</summary>
    public Task<int> InsertAsync<TEntity>(IReadOnlyList<TEntity> entities, CancellationToken cancellationToken)
        where TEntity : class =>
        InsertAsync(entities, skipExisting: false, cancellationToken);

    /// <summary>
    /// Inserts the rows whose key is not in the table yet and skips the others (SQLite <c>INSERT OR IGNORE</c>,
    /// PostgreSQL <c>ON CONFLICT DO NOTHING</c>): for shared rows such as the search vocabulary, which a concurrent
    /// writer may add first. SQL Server has no such statement; there the insert is plain, and such a clash fails it.
    /// </summary>
    public Task<int> InsertSkippingExistingAsync<TEntity>(IReadOnlyList<TEntity> entities, CancellationToken cancellationToken)
        where TEntity : class =>
        InsertAsync(entities, skipExisting: true, cancellationToken);

    private async Task<int> InsertAsync<TEntity>(IReadOnlyList<TEntity> entities, bool skipExisting, CancellationToken cancellationToken)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(entities);
        if (entities.Count == 0)
            return 0;

        var transaction = _db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside a transaction begun on the context.");
        var connection = transaction.Connection
            ?? throw new InvalidOperationException("The current transaction has no connection.");
        var key = (typeof(TEntity), skipExisting);
        var table = TableFor(key);
        var rows = (IReadOnlyList<object>)entities;
        if (connection is SqliteConnection sqlite && SqliteStatementFor(key, table, sqlite) is { } statement)
        {
            statement.Insert(rows, cancellationToken);
            return entities.Count;
        }
        var perStatement = table.RowsPerStatement;

        var offset = 0;
        for (; entities.Count - offset >= perStatement; offset += perStatement)
        {
            var command = await FullBatchCommandAsync(key, table, connection, rows, offset, cancellationToken);
            command.Transaction = transaction;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (offset < entities.Count)
        {
            await using var rest = table.CreateCommand(connection, rows, offset, entities.Count - offset);
            rest.Transaction = transaction;
            await rest.ExecuteNonQueryAsync(cancellationToken);
        }
        return entities.Count;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _fullBatchCommands.Values)
            await command.DisposeAsync();
        _fullBatchCommands.Clear();
        foreach (var statement in _sqliteStatements.Values)
            statement?.Dispose();
        _sqliteStatements.Clear();
    }

    /// <summary>The table's prepared one-row statement on this connection; null when its column types need the driver.</summary>
    private SqliteRowStatement? SqliteStatementFor((Type, bool) key, BulkInsertTable table, SqliteConnection connection)
    {
        if (_sqliteStatements.TryGetValue(key, out var statement) && (statement is null || statement.IsFor(connection)))
            return statement;
        statement?.Dispose();
        statement = SqliteRowStatement.TryPrepare(table, connection);
        _sqliteStatements[key] = statement;
        return statement;
    }

    private async Task<DbCommand> FullBatchCommandAsync((Type, bool) key, BulkInsertTable table, DbConnection connection,
        IReadOnlyList<object> rows, int offset, CancellationToken cancellationToken)
    {
        if (_fullBatchCommands.TryGetValue(key, out var command) && command.Connection == connection)
        {
            table.Rebind(command, rows, offset, table.RowsPerStatement);
            return command;
        }

        if (command is not null)
            await command.DisposeAsync();
        command = table.CreateCommand(connection, rows, offset, table.RowsPerStatement);
        _fullBatchCommands[key] = command;
        await command.PrepareAsync(cancellationToken);
        return command;
    }

    private BulkInsertTable TableFor((Type ClrType, bool SkipExisting) key)
    {
        if (_tables.TryGetValue(key, out var table))
            return table;
        var clrType = key.ClrType;
        var entityType = _db.Model.FindEntityType(clrType)
            ?? throw new InvalidOperationException($"{clrType.Name} is not an entity type of {_db.GetType().Name}.");
        var conflicts = !key.SkipExisting ? BulkConflicts.Fail
            : _db.Database.IsSqlite() ? BulkConflicts.SqliteIgnore
            : _db.Database.IsNpgsql() ? BulkConflicts.PostgresDoNothing
            : BulkConflicts.Fail;
        table = BulkInsertTable.Create(entityType, _sql, _maxParameters, MaxRowsPerStatement, conflicts);
        _tables[key] = table;
        return table;
    }

    /// <summary>
    /// How many parameters one statement should carry. PostgreSQL allows 65,535 and SQL Server 2,100 (EF Core
    /// keeps two spare). SQLite allows 999 (32,766 since 3.32), but Microsoft.Data.Sqlite binds every parameter
    /// by name through a lookup that grows with the statement's parameter count, so big statements get slower
    /// per row: around a hundred parameters is fastest (measured 1.5× slower at 999 and 5× at 32,766).
    /// </summary>
    private static int ParameterBudget(DatabaseFacade database)
    {
        if (database.IsSqlServer())
            return 2_098;
        if (database.IsNpgsql())
            return 65_535;
        return 100;
    }
}
