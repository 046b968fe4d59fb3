using System.Globalization;
using System.Text;
using ChatCrm.Infrastructure.Persistence;
using Npgsql;

namespace ChatCrm.Testing;

/// <summary>
/// A PostgreSQL database of its own for one test class or fixture, created empty on the server named by
/// <see cref="PostgresServer"/> and dropped (with its connections) on dispose, so test classes run in parallel.
/// </summary>
public sealed class PostgresTestDatabase : CrmTestDatabase
{
    /// <summary>PostgreSQL truncates identifiers longer than this.</summary>
    private const int MaxIdentifierLength = 63;

    private bool _dropped;

    private PostgresTestDatabase(string name)
    {
        Name = name;
        ConnectionString = PostgresServer.ConnectionStringFor(name);
    }

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    /// <summary>The database's name, e.g. <c>chatcrm_concurrencytests_0193…</c>.</summary>
    public string Name { get; }

    public override string ConnectionString { get; }

    /// <summary>Creates an empty database; <paramref name="label"/> (a test class name, say) makes it recognisable on the server.</summary>
    public static async Task<PostgresTestDatabase> CreateAsync(string label = "test", CancellationToken cancellationToken = default)
    {
        var database = new PostgresTestDatabase(UniqueName(label));
        await using var connection = await OpenMaintenanceConnectionAsync(cancellationToken);
        await using var create = new NpgsqlCommand($"CREATE DATABASE {Quote(database.Name)}", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
        return database;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_dropped)
            return;
        _dropped = true;
        await using (var pooled = new NpgsqlConnection(ConnectionString))
            NpgsqlConnection.ClearPool(pooled);
        await using var connection = await OpenMaintenanceConnectionAsync(CancellationToken.None);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Quote(Name)} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Drops this database and creates it again as a copy of the migrated template, unless it has a table already.
    /// The same name and connection string afterwards.
    /// </summary>
    protected override async Task<bool> TryCopyMigratedTemplateAsync(CancellationToken cancellationToken)
    {
        await using (var own = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString))
        {
            await own.OpenAsync(cancellationToken);
            await using var count = new NpgsqlCommand(
                "SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace " +
                "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'", own);
            if ((long)(await count.ExecuteScalarAsync(cancellationToken))! > 0)
                return false;
        }
        var template = await PostgresMigratedTemplate.NameAsync();
        await using (var pooled = new NpgsqlConnection(ConnectionString))
            NpgsqlConnection.ClearPool(pooled);
        await using var connection = await OpenMaintenanceConnectionAsync(cancellationToken);
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Quote(Name)} WITH (FORCE)", connection))
            await drop.ExecuteNonQueryAsync(cancellationToken);
        await using var create = new NpgsqlCommand($"CREATE DATABASE {Quote(Name)} TEMPLATE {Quote(template)}", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }

    /// <summary>True while a database of this name exists on the server (for tests of this class itself).</summary>
    public static async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenMaintenanceConnectionAsync(cancellationToken);
        await using var query = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        query.Parameters.AddWithValue("name", name);
        return await query.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private static async Task<NpgsqlConnection> OpenMaintenanceConnectionAsync(CancellationToken cancellationToken)
    {
        // No pooling: these connections would otherwise stay open on the maintenance database after the tests.
        var builder = new NpgsqlConnectionStringBuilder(PostgresServer.MaintenanceConnectionString) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static string UniqueName(string label)
    {
        var suffix = Guid.NewGuid().ToString("N");
        var slug = new StringBuilder();
        foreach (var c in label.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
                slug.Append(c);
        }
        var prefix = string.Create(CultureInfo.InvariantCulture, $"chatcrm_{slug}");
        var room = MaxIdentifierLength - suffix.Length - 1;
        if (prefix.Length > room)
            prefix = prefix[..room];
        return $"{prefix}_{suffix}";
    }

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
