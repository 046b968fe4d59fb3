using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Offers;
using ChatCrm.Infrastructure.Import;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Tests.Import;

/// <summary>The committed fixtures imported end to end on each engine: counts, normalised handles, idempotency, all-or-nothing, rejects, dry runs.</summary>
public abstract class ImportRunnerTests
{
    protected abstract Task<CrmTestDatabase> CreateDatabaseAsync();

    [Fact]
    public async Task RunAsync_ThousandCustomersWithSemicolonsAndAccents_CreatesEachWithNormalisedHandlesAndOwner()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();
        await using var host = new ImportTestHost(database);
        await host.ImportDirectoryAsync();

        var report = await host.ImportAsync(ImportKind.Customers, "customers-1000.csv", batchSize: 300);

        Assert.Equal((1000, 1000, 0), (report.RowsRead, report.Created, report.Rejected));
        Assert.True(report.Written);
        await using var db = database.CreateContext();
        Assert.Equal(1000, await db.Customers.CountAsync());
        var maria = await db.Customers.Include(c => c.Identities)
            .SingleAsync(c => c.Identities.Any(i => i.Kind == IdentityKind.ExternalId && i.Value == "CRM-00017"));
        Assert.Equal("María Díaz Díaz", maria.DisplayName);
        Assert.Equal("Almacenes\nGarcía", maria.Company?.ReplaceLineEndings("\n"));
        Assert.Equal("+34617100017", maria.FirstIdentity(IdentityKind.Phone));
        var shouting = await db.Customers.Include(c => c.Identities)
            .SingleAsync(c => c.Identities.Any(i => i.Kind == IdentityKind.ExternalId && i.Value == "CRM-00007"));
        Assert.Equal(shouting.FirstIdentity(IdentityKind.Email)?.ToLowerInvariant(), shouting.FirstIdentity(IdentityKind.Email));
        Assert.Equal("LY000018", (await db.CustomerIdentities.SingleAsync(i => i.Kind == IdentityKind.LoyaltyNumber && i.Value == "LY000018")).Value);
        Assert.Equal(0, await db.Customers.CountAsync(c => c.OwnerId == null));
    }

    [Fact]
    public async Task RunAsync_SameFileTwice_SecondRunChangesNothing()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();
        await using var host = new ImportTestHost(database);
        await host.ImportDirectoryAsync();
        await host.ImportAsync(ImportKind.Customers, "customers-1000.csv");
        await host.ImportAsync(ImportKind.Orders, "orders.csv");

        var customers = await host.ImportAsync(ImportKind.Customers, "customers-1000.csv");
        var orders = await host.ImportAsync(ImportKind.Orders, "orders.csv");
        var users = await host.ImportAsync(ImportKind.Users, "users.csv");

        Assert.Equal((0, 0, 1000), (customers.Created, customers.Updated, customers.Unchanged));
        Assert.Equal((0, 0, 201), (orders.Created, orders.Updated, orders.Unchanged));
        Assert.Equal((0, 0, 9), (users.Created, users.Updated, users.Unchanged));
        await using var db = database.CreateContext();
        Assert.Equal(1000, await db.Customers.CountAsync());
        Assert.Equal(201, await db.Orders.CountAsync());
    }

    [Fact]
    public async Task RunAsync_ChangedRowOnSecondImport_UpdatesOnlyThatCustomer()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();
        await using var host = new ImportTestHost(database);
        await host.ImportDirectoryAsync();
        await host.ImportAsync(ImportKind.Customers, "customers-1000.csv");
        var changed = Path.Combine(Path.GetTempPath(), $"customers-{Guid.NewGuid():N}.csv");
        var lines = await File.ReadAllLinesAsync(ImportTestHost.Fixture("customers-1000.csv"));
        await File.WriteAllLinesAsync(changed, [lines[0], lines[1].Replace("Lucía Álvarez Hernández", "Lucía Álvarez de Hernández", StringComparison.Ordinal), lines[2]]);

        var report = await host.ImportAsync(ImportKind.Customers, changed);
        File.Delete(changed);

        Assert.Equal((0, 1, 1), (report.Created, report.Updated, report.Unchanged));
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Customers.CountAsync(c => c.DisplayName == "Lucía Álvarez de Hernández"));
    }

    [Fact]
    public async Task RunAsync_BadRowsWithoutSkipInvalid_WritesNothing()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();
        await using var host = new ImportTestHost(database);
        await host.ImportDirectoryAsync();

        var report = await host.ImportAsync(ImportKind.Customers, "customers-bad.csv", encoding: ImportEncoding.Utf8);

        Assert.False(report.Written);
        Assert.Equal(2, report.Created);
        Assert.Equal(10, report.Rejected);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Customers.CountAsync());
    }

    [Fact]
    public async Task RunAsync_BadRowsWithSkipInvalid_WritesGoodRowsAndEveryBadRowToRejects()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();
        await using var host = new ImportTestHost(database);
        await host.ImportDirectoryAsync();
        var rejects = Path.Combine(Path.GetTempPath(), $"rejects-{Guid.NewGuid():N}.csv");

        var report = await host.ImportAsync(ImportKind.Customers, "customers-bad.csv", skipInvalid: true, rejects: rejects, encoding: ImportEncoding.Utf8);

        Assert.True(report.Written);
        await using var db = database.CreateContext();
        Assert.Equal(["Ana Good", "Carlos Good"], await db.Customers.Select(c => c.DisplayName).Order().ToListAsync());
        var rejected = await File.ReadAllLinesAsync(rejects);
        File.Delete(rejects);
        Assert.EndsWith(";rejectReason", rejected[0], StringComparison.Ordinal);
        Assert.Equal(report.Rejected, rejected.Length - 1);
        Assert.Contains(rejected, l => l.StartsWith("B-2;Unknown Country;;XX;", StringComparison.Ordinal) && l.Contains("country: 'XX' is not an ISO 3166", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_DryRun_CountsWhatWouldChangeAndWritesNothing()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();
        await using var host = new ImportTestHost(database);
        await host.ImportDirectoryAsync();

        var report = await host.ImportAsync(ImportKind.Customers, "customers-1000.csv", dryRun: true);

        Assert.Equal((1000, 0), (report.Created, report.Rejected));
        Assert.False(report.Written);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Customers.CountAsync());
        Assert.Equal(0, await db.CustomerSearchTerms.CountAsync());
    }

    [Fact]
    public async Task RunAsync_Windows1252File_DetectsTheEncodingAndKeepsTheAccents()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();
        await using var host = new ImportTestHost(database);
        await host.ImportDirectoryAsync();

        var report = await host.ImportAsync(ImportKind.Customers, "customers-windows1252.csv");

        Assert.Equal(("windows-1252", 3L), (report.EncodingName, report.Created));
        await using var db = database.CreateContext();
        Assert.Equal(["Begoña Ibáñez Muñoz", "Françoise Lefèvre", "Íñigo Zúñiga"], await db.Customers.Select(c => c.DisplayName).Order().ToListAsync());
        Assert.Equal(1, await db.Customers.CountAsync(c => c.Company == "Construcciones Peñalara, S.L."));
    }

    [Fact]
    public async Task RunAsync_JsonLinesAfterTheCsv_CreatesCustomersAndReportsLikelyDuplicatesWithoutMerging()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();
        await using var host = new ImportTestHost(database);
        await host.ImportDirectoryAsync();
        await host.ImportAsync(ImportKind.Customers, "customers-1000.csv");

        var report = await host.ImportAsync(ImportKind.Customers, "customers.jsonl");

        Assert.Equal((50, 0), (report.Created, report.Rejected));
        Assert.Contains(report.Warnings, w => w.Line == 1 && w.Reason.Contains("likely the same customer as external id CRM-00001", StringComparison.Ordinal));
        await using var db = database.CreateContext();
        Assert.Equal(1050, await db.Customers.CountAsync(c => c.MergedIntoId == null));
    }

    [Fact]
    public async Task RunAsync_ConsentsAndOffers_RecordsStatementsAndTheTriggersEachOfferAnswers()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();
        await using var host = new ImportTestHost(database);
        await host.ImportDirectoryAsync();
        await host.ImportAsync(ImportKind.Customers, "customers-1000.csv");

        var consents = await host.ImportAsync(ImportKind.Consents, "consents.csv");
        var offers = await host.ImportAsync(ImportKind.Offers, "offers.csv");
        var again = await host.ImportAsync(ImportKind.Consents, "consents.csv");

        Assert.Equal((100, 0), (consents.Created, consents.Rejected));
        Assert.Equal((3, 0), (offers.Created, offers.Rejected));
        Assert.Equal(100, again.Unchanged);
        await using var db = database.CreateContext();
        Assert.Equal(100, await db.ConsentRecords.CountAsync(c => c.ExternalId != null));
        var fund = await db.Offers.SingleAsync(o => o.ProductCode == "INV-FUND");
        Assert.Equal([OfferTriggerKind.LargeDeposit], fund.AnswersTriggers);
        Assert.Equal(["ES", "MX"], fund.Countries.Select(c => c.Value));
        Assert.False((await db.Offers.SingleAsync(o => o.ProductCode == "OLD-PLAN")).IsActive);
    }
}

public sealed class SqliteImportRunnerTests : ImportRunnerTests
{
    protected override Task<CrmTestDatabase> CreateDatabaseAsync() => Task.FromResult<CrmTestDatabase>(SqliteTestDatabase.TempFile());
}

public sealed class PostgresImportRunnerTests : ImportRunnerTests
{
    protected override async Task<CrmTestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync("import");
}
