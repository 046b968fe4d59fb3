using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Providers;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChatCrm.Infrastructure.Tests.Search;

/// <summary>Contexts on a test database with interceptors, to watch or step into what a context does.</summary>
internal static class InterceptedContexts
{
    public static CrmDbContext Create(CrmTestDatabase database, params IInterceptor[] interceptors) => database.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteCrmDbContext(new DbContextOptionsBuilder<SqliteCrmDbContext>()
            .UseSqlite(database.ConnectionString).AddInterceptors(interceptors).Options),
        DatabaseProvider.Postgres => new PostgresCrmDbContext(new DbContextOptionsBuilder<PostgresCrmDbContext>()
            .UseNpgsql(database.ConnectionString).AddInterceptors(interceptors).Options),
        _ => throw new NotSupportedException($"No intercepted context for {database.Provider}."),
    };
}
