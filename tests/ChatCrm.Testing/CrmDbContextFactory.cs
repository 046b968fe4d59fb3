using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Providers;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Testing;

/// <summary>Builds the provider's own <see cref="CrmDbContext"/> subclass, as the application does, for tests.</summary>
public static class CrmDbContextFactory
{
    /// <summary>
    /// A connection string that names a SQL Server nobody runs, on a port of this machine that nothing serves:
    /// enough for building a model or a migration script, and sure to fail fast if something tries to connect.
    /// </summary>
    public const string OfflineSqlServerConnectionString =
        "Server=tcp:127.0.0.1,1;Database=chatcrm_offline;User Id=sa;Password=unused;Encrypt=False;Connect Timeout=1";

    /// <summary>Like <see cref="OfflineSqlServerConnectionString"/>, for PostgreSQL.</summary>
    public const string OfflinePostgresConnectionString =
        "Host=127.0.0.1;Port=1;Database=chatcrm_offline;Username=unused;Password=unused;Timeout=1";

    /// <summary>A private in-memory SQLite database that nothing keeps: for model checks only.</summary>
    public const string OfflineSqliteConnectionString = "Data Source=:memory:";

    public static CrmDbContext Create(DatabaseProvider provider, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return provider switch
        {
            DatabaseProvider.Sqlite => new SqliteCrmDbContext(Defaults(new DbContextOptionsBuilder<SqliteCrmDbContext>().UseSqlite(connectionString))),
            DatabaseProvider.Postgres => new PostgresCrmDbContext(Defaults(new DbContextOptionsBuilder<PostgresCrmDbContext>().UseNpgsql(connectionString))),
            DatabaseProvider.SqlServer => new SqlServerCrmDbContext(Defaults(new DbContextOptionsBuilder<SqlServerCrmDbContext>().UseSqlServer(connectionString))),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };
    }

    /// <summary>The same defaults as the app's registrations.</summary>
    private static DbContextOptions<TContext> Defaults<TContext>(DbContextOptionsBuilder<TContext> builder)
        where TContext : DbContext
    {
        CrmDbContext.WithCrmDefaults(builder);
        return builder.Options;
    }

    /// <summary>
    /// A context that needs no server: for model checks (<c>HasPendingModelChanges</c>) and migration scripts.
    /// Anything that does try to connect fails at once.
    /// </summary>
    public static CrmDbContext CreateOffline(DatabaseProvider provider) => Create(provider, provider switch
    {
        DatabaseProvider.Sqlite => OfflineSqliteConnectionString,
        DatabaseProvider.Postgres => OfflinePostgresConnectionString,
        DatabaseProvider.SqlServer => OfflineSqlServerConnectionString,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
    });

    /// <summary>A new context on a database brought to the newest migration; the caller disposes it.</summary>
    public static async Task<CrmDbContext> CreateMigratedAsync(DatabaseProvider provider, string connectionString, CancellationToken cancellationToken = default)
    {
        var context = Create(provider, connectionString);
        try
        {
            await MigrateAsync(context, cancellationToken);
            return context;
        }
        catch
        {
            await context.DisposeAsync();
            throw;
        }
    }

    public static Task MigrateAsync(CrmDbContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Database.MigrateAsync(cancellationToken);
    }
}
