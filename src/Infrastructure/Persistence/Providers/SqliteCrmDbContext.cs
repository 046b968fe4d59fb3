using ChatCrm.Infrastructure.Persistence.Conversion;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ChatCrm.Infrastructure.Persistence.Providers;

/// <summary>The CRM model on SQLite, with its own migrations in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteCrmDbContext(DbContextOptions<SqliteCrmDbContext> options) : CrmDbContext(options)
{
    protected override void ConfigureProviderConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqliteConventions.Apply(configurationBuilder);
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCrmDbContext>
{
    public SqliteCrmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCrmDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
