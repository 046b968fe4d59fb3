using Npgsql;

namespace ChatCrm.Testing;

/// <summary>
/// The PostgreSQL server the tests use, named by one environment variable. <c>./test.sh</c> starts a
/// throw-away server and sets it; without it, tests that need PostgreSQL fail (they are never skipped).
/// </summary>
public static class PostgresServer
{
    /// <summary>An Npgsql connection string to the server's maintenance database (<c>postgres</c>) as a superuser.</summary>
    public const string EnvironmentVariable = "CHATCRM_TEST_POSTGRES";

    /// <summary>The maintenance connection string; throws with a clear message when the variable is not set.</summary>
    public static string MaintenanceConnectionString =>
        RequireConnectionString(Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>Returns <paramref name="configured"/>, or throws the message a developer needs when it is empty.</summary>
    public static string RequireConnectionString(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new InvalidOperationException(
                $"PostgreSQL tests need a server: set {EnvironmentVariable} to an Npgsql connection string " +
                "for a superuser on the 'postgres' database (e.g. Host=127.0.0.1;Port=5432;Username=postgres), " +
                "or run ./test.sh, which starts a throw-away server and sets it.");
        }
        return configured;
    }

    /// <summary>The same server and credentials, pointed at another database.</summary>
    public static string ConnectionStringFor(string database)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        return new NpgsqlConnectionStringBuilder(MaintenanceConnectionString) { Database = database }.ConnectionString;
    }
}
