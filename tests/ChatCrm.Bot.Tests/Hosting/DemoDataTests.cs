using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Seeding;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Hosting;

/// <summary>A newcomer's first run: an empty database gets a small demo set at start-up, once, and it can be talked about at once.</summary>
public sealed class DemoDataTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = SqliteTestDatabase.TempFile();
    private FakeBotConnector _connector = null!;
    private static readonly Dictionary<string, string?> DemoSettings = new() { ["Demo:SeedEmptyDatabase"] = "true" };

    public async Task InitializeAsync() => _connector = await FakeBotConnector.StartAsync();

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task FirstStart_EmptyDatabase_GetsTheDemoSetOnceAndANewcomerCanAskAboutIt()
    {
        await using (var first = new ChatCrmApp(_database, DemoSettings))
        {
            _ = first.Server;
            Assert.Equal(DemoSeeder.DemoCustomerCount, await first.WithDatabaseAsync(db => db.Customers.CountAsync()));
            Assert.Equal(DemoSeeder.DemoCustomerCount, await first.WithDatabaseAsync(db => db.CustomerValues.CountAsync()));
        }

        await using var second = new ChatCrmApp(_database, DemoSettings);
        _ = second.Server;
        Assert.Equal(DemoSeeder.DemoCustomerCount, await second.WithDatabaseAsync(db => db.Customers.CountAsync()));

        var (email, name) = await second.WithDatabaseAsync(async db =>
        {
            // A newcomer joins the demo's Spanish sales team (appsettings.Development.json): ask about one of its accounts.
            var team = await db.Users.Where(u => u.Team == "Ventas España").Select(u => u.Id).ToListAsync();
            var identity = await db.CustomerIdentities
                .Where(i => i.Kind == IdentityKind.Email && db.Customers.Any(c => c.Id == i.CustomerId && c.OwnerId != null && team.Contains(c.OwnerId.Value)))
                .OrderBy(i => i.Value).FirstAsync();
            var customer = await db.Customers.SingleAsync(c => c.Id == identity.CustomerId);
            return (identity.Value, customer.DisplayName);
        });
        var newcomer = new TeamsUser("29:newcomer", "12121212-1212-4121-8121-121212121212", "Newcomer");
        (await second.Chat(_connector, newcomer).SendAsync($"last {email}")).ShouldSay($"Last conversation with {name}");
    }
}
