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

    /// <summary>Applies every migration of the provider; returns this database so creation and migration chain.</summary>
    public async Task<CrmTestDatabase> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var context = CreateContext();
        await CrmDbContextFactory.MigrateAsync(context, cancellationToken);
        return this;
    }

    public abstract ValueTask DisposeAsync();
}
