using ChatCrm.Infrastructure.Persistence;

namespace ChatCrm.Testing;

/// <summary>
/// A database that exists only for some tests: its engine, how to reach it, and contexts built on it.
/// Dispose removes it.
/// </summary>
public abstract class CrmTestDatabase : IAsyncDisposable
{
    public abstract DatabaseProvider Provider { get; }

    /// <summary>A connection string for this database (also usable as <c>Database:ConnectionString</c> for a host under test).</summary>
    public abstract string ConnectionString { get; }

    /// <summary>A new context of the provider's own subclass on this database; the caller disposes it.</summary>
    public CrmDbContext CreateContext() => CrmDbContextFactory.Create(Provider, ConnectionString);

    /// <summary>
    /// Brings this database to the newest migration; returns it so creation and migration chain. A database without any
    /// table yet becomes a copy of the provider's template, which every migration built once for this test process
    /// (the same schema, without replaying the migrations per test); any other database is migrated as it is.
    /// </summary>
    public async Task<CrmTestDatabase> MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (await TryCopyMigratedTemplateAsync(cancellationToken))
            return this;
        await using var context = CreateContext();
        await CrmDbContextFactory.MigrateAsync(context, cancellationToken);
        return this;
    }

    /// <summary>Replaces a database that has no table yet with a copy of the migrated template; false when it has tables.</summary>
    protected abstract Task<bool> TryCopyMigratedTemplateAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}
