using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Seeding;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatCrm.Infrastructure.Tests.Seeding;

/// <summary>The demo-data seeder writes through the bulk inserter: counts, read-back, determinism and repeat runs, on each engine.</summary>
public abstract class DemoSeederTests
{
    protected abstract Task<CrmTestDatabase> CreateDatabaseAsync();

    [Fact]
    public async Task SeedAsync_ReportMatchesTheDatabaseAndEveryRowReadsBackThroughEf()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();

        var report = await SeedAsync(database, customers: 400);

        await using var db = database.CreateContext();
        Assert.Equal(400, report.Customers);
        Assert.Equal(report.Customers, await db.Customers.CountAsync());
        Assert.Equal(report.Identities, await db.CustomerIdentities.CountAsync());
        Assert.Equal(report.Interactions, await db.Interactions.CountAsync());
        Assert.Equal(report.Orders, await db.Orders.CountAsync());
        Assert.Equal(report.Consents, await db.ConsentRecords.CountAsync());
        Assert.True(report.Interactions >= report.Customers * 3, $"{report.Interactions} interactions for {report.Customers} customers");

        var customers = await db.Customers.Include(c => c.Identities).ToListAsync();
        Assert.All(customers, c => Assert.Equal(SearchText.Fold(c.DisplayName), c.NameKey));
        Assert.Contains(customers, c => c.DisplayName.Contains('ñ', StringComparison.Ordinal));
        Assert.Contains(customers, c => c.DisplayName.Any(ch => "áéíóú".Contains(ch, StringComparison.Ordinal)));
        Assert.True(customers.Select(c => c.Country.Value).Distinct().Count() >= 4);
        var phones = customers.SelectMany(c => c.Identities).Where(i => i.Kind == IdentityKind.Phone).Select(i => i.Value).ToList();
        Assert.NotEmpty(phones);
        Assert.All(phones, p => Assert.Equal(p, IdentityNormalizer.NormalizePhone(p, null)));

        // The seeder writes the word index with the customers: every customer is found by each word of its name.
        var terms = await db.CustomerSearchTerms.ToListAsync();
        Assert.All(customers, c => Assert.Equal(
            Domain.Customers.Identification.IndexedWords.Of(c).Order(StringComparer.Ordinal),
            terms.Where(t => t.CustomerId == c.Id).Select(t => t.Word).Order(StringComparer.Ordinal)));
        var vocabulary = (await db.SearchWordVariants.Where(v => v.Variant == v.Word).Select(v => v.Word).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        Assert.Subset(vocabulary, terms.Select(t => t.Word).ToHashSet(StringComparer.Ordinal));

        var interactions = await db.Interactions.ToListAsync();
        Assert.Contains(interactions, i => i.FollowUpOn is not null);
        Assert.All(interactions, i => Assert.InRange(i.OccurredAt, TestClock.Now.AddYears(-2).AddDays(-1), TestClock.Now));
        Assert.True(await db.Orders.AllAsync(o => o.Amount > 0));
    }

    [Fact]
    public async Task SeedAsync_SameRandomSeed_GivesTheSameCustomersAndAnotherSeedDoesNot()
    {
        await using var first = await (await CreateDatabaseAsync()).MigrateAsync();
        await using var second = await (await CreateDatabaseAsync()).MigrateAsync();
        await using var third = await (await CreateDatabaseAsync()).MigrateAsync();

        await SeedAsync(first, customers: 150, randomSeed: 7);
        await SeedAsync(second, customers: 150, randomSeed: 7);
        await SeedAsync(third, customers: 150, randomSeed: 8);

        Assert.Equal(await PeopleAsync(first), await PeopleAsync(second));
        Assert.NotEqual(await PeopleAsync(first), await PeopleAsync(third));
    }

    [Fact]
    public async Task SeedAsync_RunTwiceIntoOneDatabase_AddsMoreWithoutCollisions()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();

        await SeedAsync(database, customers: 120);
        var second = await SeedAsync(database, customers: 120);

        await using var db = database.CreateContext();
        Assert.Equal(240, await db.Customers.CountAsync());
        Assert.Equal(0, second.Users);
        Assert.Equal(0, second.Offers);
    }

    [Fact]
    public async Task SeedAsync_ReportsProgressInCustomersUpToTheTotal()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();
        var progress = new RecordingProgress();

        await SeedAsync(database, customers: 6_000, progress: progress);

        Assert.NotEmpty(progress.Reports);
        Assert.All(progress.Reports, p => Assert.Equal(6_000, p.Total));
        Assert.Equal(progress.Reports.Select(p => p.Done).Order(), progress.Reports.Select(p => p.Done));
        Assert.Equal(6_000, progress.Reports[^1].Done);
    }

    [Fact]
    public async Task EnsureDemoDataAsync_SeedsOnlyAnEmptyDatabase()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();

        await using (var db = database.CreateContext())
            Assert.Equal(DemoSeeder.DemoCustomerCount, (await Seeder(db).EnsureDemoDataAsync(CancellationToken.None))!.Customers);
        await using (var db = database.CreateContext())
            Assert.Null(await Seeder(db).EnsureDemoDataAsync(CancellationToken.None));

        await using var check = database.CreateContext();
        Assert.Equal(DemoSeeder.DemoCustomerCount, await check.Customers.CountAsync());
    }

    private static async Task<SeedReport> SeedAsync(CrmTestDatabase database, int customers, int randomSeed = 20261124, IProgress<SeedProgress>? progress = null)
    {
        await using var db = database.CreateContext();
        return await Seeder(db).SeedAsync(new SeedRequest(customers, randomSeed), progress, CancellationToken.None);
    }

    private static DemoSeeder Seeder(CrmDbContext db) => new(db, TestClock.Create(), NullLogger<DemoSeeder>.Instance);

    private static async Task<List<string>> PeopleAsync(CrmTestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.Customers.OrderBy(c => c.NameKey).ThenBy(c => c.CompanyKey)
            .Select(c => c.DisplayName + "|" + c.Company + "|" + c.Country)
            .ToListAsync();
    }

    private sealed class RecordingProgress : IProgress<SeedProgress>
    {
        public List<SeedProgress> Reports { get; } = [];

        public void Report(SeedProgress value) => Reports.Add(value);
    }
}

public sealed class SqliteDemoSeederTests : DemoSeederTests
{
    protected override Task<CrmTestDatabase> CreateDatabaseAsync() => Task.FromResult<CrmTestDatabase>(SqliteTestDatabase.InMemory());
}

public sealed class PostgresDemoSeederTests : DemoSeederTests
{
    protected override async Task<CrmTestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync("seed");
}
