using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ChatCrm.Infrastructure.Persistence.Providers;

/// <summary>The CRM model on SQL Server, with its own migrations in <c>Migrations/SqlServer</c>.</summary>
public sealed class SqlServerCrmDbContext(DbContextOptions<SqlServerCrmDbContext> options) : CrmDbContext(options);

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerCrmDbContext>
{
    public SqlServerCrmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerCrmDbContext>().UseSqlServer("Server=localhost;Database=chatcrm_design;Trusted_Connection=True").Options);
}
