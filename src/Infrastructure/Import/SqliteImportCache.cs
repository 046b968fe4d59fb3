using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Import;

/// <summary>
/// SQLite keeps 2 MB of the database in memory per connection by default. An import inserts into indexes keyed by
/// random ids (customer GUIDs), so once they outgrow that, nearly every insert reads pages back from disk; a bigger
/// page cache for the import's own connection keeps its rate steady towards a million rows. Other providers size
/// their caches server-side.
/// </summary>
internal static class SqliteImportCache
{
    /// <summary>The import connection's page cache, in KiB (SQLite's negative <c>cache_size</c>): 256 MiB.</summary>
    private const int CacheKibibytes = 256 * 1024;

    public static async Task EnlargeAsync(CrmDbContext db, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync($"PRAGMA cache_size = -{CacheKibibytes}", ct);
    }
}
