using ChatCrm.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Testing;

/// <summary>
/// One SQLite file per test process, brought to the newest migration the first time a test asks for it and copied for
/// each test after that (<see cref="SqliteTestDatabase.MigratedFile"/>, <see cref="CrmTestDatabase.MigrateAsync"/>);
/// deleted when the process ends.
/// </summary>
internal static class MigratedTemplate
{
    private static readonly Lazy<string> File = new(Create);

    public static string Path => File.Value;

    /// <summary>The template as the source of a copy (read-write: the last connection to close cleans up the WAL files).</summary>
    public static string SourceConnectionString =>
        new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ConnectionString;

    private static string Create()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"chatcrm-template-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, ForeignKeys = true, Pooling = false }.ConnectionString;
        using (var context = CrmDbContextFactory.Create(DatabaseProvider.Sqlite, connectionString))
            context.Database.Migrate();
        // EF Core creates the file in WAL mode: its -wal and -shm files go too.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                System.IO.File.Delete(path + suffix);
        };
        return path;
    }
}
