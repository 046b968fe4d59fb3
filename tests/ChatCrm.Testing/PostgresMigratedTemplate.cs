using ChatCrm.Infrastructure.Persistence;
using Npgsql;

namespace ChatCrm.Testing;

/// <summary>
/// One PostgreSQL database per test process, brought to the newest migration the first time a test asks for it; test
/// databases are then created from it (<c>CREATE DATABASE … TEMPLATE</c>) instead of replaying every migration.
/// Nothing stays connected to it (a template must be idle to be copied); dropped when the process ends.
/// </summary>
internal static class PostgresMigratedTemplate
{
    private static readonly Lazy<Task<string>> Name = new(CreateAsync);

    /// <summary>The template database's name, created and migrated on first use.</summary>
    public static Task<string> NameAsync() => Name.Value;

    private static async Task<string> CreateAsync()
    {
        var database = await PostgresTestDatabase.CreateAsync("template");
        var unpooled = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString;
        await using (var context = CrmDbContextFactory.Create(DatabaseProvider.Postgres, unpooled))
            await CrmDbContextFactory.MigrateAsync(context);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Drop(database);
        return database.Name;
    }

    /// <summary>Best effort at exit: a throw-away server (./test.sh) may already be going away, and then so is the template.</summary>
    private static void Drop(PostgresTestDatabase database)
    {
        try
        {
            database.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        catch (NpgsqlException)
        {
        }
    }
}
