using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ChatCrm.Infrastructure.Persistence.Providers;

/// <summary>The CRM model on PostgreSQL, with its own migrations in <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresCrmDbContext(DbContextOptions<PostgresCrmDbContext> options) : CrmDbContext(options);

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCrmDbContext>
{
    public PostgresCrmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCrmDbContext>().UseNpgsql("Host=localhost;Database=chatcrm_design").Options);
}
