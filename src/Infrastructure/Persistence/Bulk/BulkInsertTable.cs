using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChatCrm.Infrastructure.Persistence.Bulk;

/// <summary>
/// How the rows of one entity type are written with a multi-row <c>INSERT</c>: the table and columns as the
/// EF Core model maps them, each column's type mapping (so value converters and provider-specific parameter
/// settings are exactly those SaveChanges would use), and how many rows fit in one statement.
/// Shadow properties, which the entities cannot hold (the <c>Version</c> token), are written as the
/// literal of their default value.
/// </summary>
internal sealed class BulkInsertTable
{
    private readonly ISqlGenerationHelper _sql;
    private readonly string _insertInto;
    private readonly string _onConflict;
    private readonly MappedColumn[] _parameterColumns;
    private readonly string?[] _columnLiterals;

    private BulkInsertTable(ISqlGenerationHelper sql, string insertInto, string onConflict, MappedColumn[] parameterColumns, string?[] columnLiterals, int rowsPerStatement)
    {
        _sql = sql;
        _insertInto = insertInto;
        _onConflict = onConflict;
        _parameterColumns = parameterColumns;
        _columnLiterals = columnLiterals;
        RowsPerStatement = rowsPerStatement;
    }

    /// <summary>The most rows one statement carries within the parameter budget (and never more than the row cap).</summary>
    public int RowsPerStatement { get; }

    public static BulkInsertTable Create(IEntityType entityType, ISqlGenerationHelper sql, int maxParameters, int maxRowsPerStatement,
        BulkConflicts conflicts = BulkConflicts.Fail)
    {
        if (entityType.GetDerivedTypes().Any() || entityType.BaseType is not null)
            throw new NotSupportedException($"Bulk insert does not handle inheritance ({entityType.DisplayName()}).");
        if (entityType.GetComplexProperties().Any() || entityType.GetNavigations().Any(n => n.TargetEntityType.IsOwned()))
            throw new NotSupportedException($"Bulk insert does not handle owned or complex types ({entityType.DisplayName()}).");
        var storeObject = StoreObjectIdentifier.Create(entityType, StoreObjectType.Table)
            ?? throw new NotSupportedException($"{entityType.DisplayName()} is not mapped to a table.");

        var parameterColumns = new List<MappedColumn>();
        var columnNames = new List<string>();
        var literalsByColumn = new List<string?>();
        foreach (var property in entityType.GetProperties())
        {
            var columnName = property.GetColumnName(storeObject)
                ?? throw new NotSupportedException($"{entityType.DisplayName()}.{property.Name} has no column in {storeObject.Name}.");
            var mapping = property.GetRelationalTypeMapping();
            columnNames.Add(sql.DelimitIdentifier(columnName));
            if (property.IsShadowProperty())
            {
                if (property.IsKey() || property.IsForeignKey())
                    throw new NotSupportedException($"{entityType.DisplayName()}.{property.Name} is a shadow key; bulk insert cannot know its value.");
                literalsByColumn.Add(mapping.GenerateSqlLiteral(DefaultOf(property)));
                continue;
            }
            literalsByColumn.Add(null);
            parameterColumns.Add(new MappedColumn(property.GetGetter(), mapping, property.IsNullable));
        }

        var insert = conflicts == BulkConflicts.SqliteIgnore ? "INSERT OR IGNORE INTO" : "INSERT INTO";
        var onConflict = conflicts == BulkConflicts.PostgresDoNothing ? " ON CONFLICT DO NOTHING" : "";
        var insertInto = $"{insert} {sql.DelimitIdentifier(storeObject.Name, storeObject.Schema)} ({string.Join(", ", columnNames)}) VALUES ";
        var rowsPerStatement = Math.Max(1, Math.Min(maxRowsPerStatement, maxParameters / Math.Max(1, parameterColumns.Count)));
        return new BulkInsertTable(sql, insertInto, onConflict, [.. parameterColumns], [.. literalsByColumn], rowsPerStatement);
    }

    /// <summary>How many values a row binds: the columns that are not written as literals.</summary>
    public int ParameterCount => _parameterColumns.Length;

    /// <summary>The one-row statement; its placeholders are numbered in the order of <see cref="ProviderValue"/>'s columns.</summary>
    public string SingleRowSql => BuildSql(1);

    /// <summary>The CLR type the provider receives for parameter <paramref name="column"/> (after any value converter, not nullable).</summary>
    public Type ProviderType(int column)
    {
        var mapping = _parameterColumns[column].Mapping;
        var type = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        return Nullable.GetUnderlyingType(type) ?? type;
    }

    /// <summary>The value of parameter <paramref name="column"/> for <paramref name="entity"/>, converted as for SaveChanges.</summary>
    public object ProviderValue(object entity, int column) => _parameterColumns[column].ToProvider(entity);

    /// <summary>A command inserting <paramref name="rows"/> rows, with parameters created (and typed) by the columns' mappings.</summary>
    public DbCommand CreateCommand(DbConnection connection, IReadOnlyList<object> entities, int offset, int rows)
    {
        var command = connection.CreateCommand();
        try
        {
            command.CommandText = BuildSql(rows);
            var index = 0;
            for (var row = 0; row < rows; row++)
            {
                var entity = entities[offset + row];
                foreach (var column in _parameterColumns)
                {
                    var name = _sql.GenerateParameterName(ParameterName(index++));
                    command.Parameters.Add(column.Mapping.CreateParameter(command, name, column.Getter.GetClrValueUsingContainingEntity(entity), column.IsNullable));
                }
            }
            return command;
        }
        catch
        {
            command.Dispose();
            throw;
        }
    }

    /// <summary>Puts new values into a command made by <see cref="CreateCommand"/> for the same number of rows.</summary>
    public void Rebind(DbCommand command, IReadOnlyList<object> entities, int offset, int rows)
    {
        var parameters = command.Parameters;
        var index = 0;
        for (var row = 0; row < rows; row++)
        {
            var entity = entities[offset + row];
            foreach (var column in _parameterColumns)
                parameters[index++].Value = column.ToProvider(entity);
        }
    }

    private string BuildSql(int rows)
    {
        var text = new StringBuilder(_insertInto, _insertInto.Length + (rows * _columnLiterals.Length * 8));
        var index = 0;
        for (var row = 0; row < rows; row++)
        {
            text.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < _columnLiterals.Length; column++)
            {
                if (column > 0)
                    text.Append(", ");
                text.Append(_columnLiterals[column] ?? _sql.GenerateParameterNamePlaceholder(ParameterName(index++)));
            }
            text.Append(')');
        }
        return text.Append(_onConflict).ToString();
    }

    private static string ParameterName(int index) => "p" + index.ToString(CultureInfo.InvariantCulture);

    private static object? DefaultOf(IProperty property)
    {
        var value = property.GetDefaultValue();
        if (value is not null || property.IsNullable)
            return value;
        return property.ClrType.IsValueType ? Activator.CreateInstance(property.ClrType) : null;
    }

    private sealed record MappedColumn(IClrPropertyGetter Getter, RelationalTypeMapping Mapping, bool IsNullable)
    {
        /// <summary>The value as the provider receives it: the same conversion <see cref="RelationalTypeMapping.CreateParameter"/> applies.</summary>
        public object ToProvider(object entity)
        {
            var value = Getter.GetClrValueUsingContainingEntity(entity);
            if (value is not null && Mapping.Converter is { } converter)
                value = converter.ConvertToProvider(value);
            return value ?? DBNull.Value;
        }
    }
}

/// <summary>What a bulk insert does with a row whose key is already in the table.</summary>
internal enum BulkConflicts
{
    /// <summary>The statement fails (plain <c>INSERT</c>).</summary>
    Fail,

    /// <summary>SQLite's <c>INSERT OR IGNORE</c>: the row is skipped.</summary>
    SqliteIgnore,

    /// <summary>PostgreSQL's <c>ON CONFLICT DO NOTHING</c>: the row is skipped.</summary>
    PostgresDoNothing,
}
