using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Tests.Migrations;

/// <summary>Each provider's migrations describe today's model: nobody changed an entity and forgot `migrations add`.</summary>
public sealed class ModelSnapshotTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void HasPendingModelChanges_EachProvider_IsFalse(DatabaseProvider provider)
    {
        using var context = CrmDbContextFactory.CreateOffline(provider);

        Assert.False(context.Database.HasPendingModelChanges(),
            $"The {provider} model differs from its migrations: add a migration for {provider} (see Persistence/Migrations/{provider}).");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void GetMigrations_EachProvider_HasItsOwnMigrations(DatabaseProvider provider)
    {
        using var context = CrmDbContextFactory.CreateOffline(provider);

        var migrations = context.Database.GetMigrations().ToList();

        Assert.NotEmpty(migrations);
        Assert.All(migrations, id => Assert.Matches(@"^\d{14}_\w+$", id));
    }

    [Fact]
    public void GetMigrations_Providers_DoNotShareMigrationIds()
    {
        var ids = Enum.GetValues<DatabaseProvider>()
            .SelectMany(provider =>
            {
                using var context = CrmDbContextFactory.CreateOffline(provider);
                return context.Database.GetMigrations().ToList();
            })
            .ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }
}
