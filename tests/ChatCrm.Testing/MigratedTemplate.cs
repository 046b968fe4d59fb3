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

    /// <summary>The template opened read-only, as the source of a copy.</summary>
    public static string ReadOnlyConnectionString =>
        new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString;

    private static string Create()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"chatcrm-template-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, ForeignKeys = true, Pooling = false }.ConnectionString;
        using (var context = CrmDbContextFactory.Create(DatabaseProvider.Sqlite, connectionString))
            context.Database.Migrate();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => System.IO.File.Delete(path);
        return path;
    }
}
