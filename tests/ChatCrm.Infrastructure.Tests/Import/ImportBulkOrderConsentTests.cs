using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Import;
using ChatCrm.Infrastructure.Offers;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Tests.Import;

/// <summary>
/// Orders and consents written in bulk: a batch mixing new, corrected and unchanged rows, offer triggers judged against
/// the orders stored before the batch (as through the change tracker), dry runs, and consent statements in file order.
/// </summary>
public abstract class ImportBulkOrderConsentTests : IDisposable
{
    private const string OrdersHeader = "externalId;customerExternalId;productCode;category;amount;currency;placedAt";
    private const string ConsentsHeader = "externalId;customerExternalId;purpose;channel;status;source;recordedAt";

    private readonly List<string> _files = [];

    protected abstract Task<CrmTestDatabase> CreateDatabaseAsync();

    public void Dispose()
    {
        foreach (var file in _files)
            File.Delete(file);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task RunAsync_OrderBatchMixingNewChangedAndUnchangedRows_CreatesOneUpdatesOneKeepsOne()
    {
        await using var database = await ImportedCustomersAsync();
        await using var host = new ImportTestHost(database);
        await host.ImportAsync(ImportKind.Orders, "orders.csv");
        var file = await TempFileAsync(OrdersHeader,
            "ORD-00001;CRM-00668;SKU-020;;1980,75;EUR;2025-11-13",
            "ORD-00002;CRM-00064;SKU-016;;700,00;EUR;2025-07-10",
            "ORD-NEW-1;CRM-00002;SKU-001;;12,50;EUR;2025-05-01");

        var report = await host.ImportAsync(ImportKind.Orders, file);

        Assert.Equal((1, 1, 1, 0), (report.Created, report.Updated, report.Unchanged, report.Rejected));
        await using var db = database.CreateContext();
        Assert.Equal(202, await db.Orders.CountAsync());
        var changed = await db.Orders.SingleAsync(o => o.ExternalId == "ORD-00002");
        Assert.Equal(700.00m, changed.Amount);
        Assert.Equal(1L, db.Entry(changed).Property<long>(ConcurrencyVersion.PropertyName).CurrentValue);
        var kept = await db.Orders.SingleAsync(o => o.ExternalId == "ORD-00001");
        Assert.Equal(0L, db.Entry(kept).Property<long>(ConcurrencyVersion.PropertyName).CurrentValue);
        var created = await db.Orders.SingleAsync(o => o.ExternalId == "ORD-NEW-1");
        Assert.Equal((await CustomerAsync(db, "CRM-00002"), 12.50m, "SKU-001"), (created.CustomerId, created.Amount, created.ProductCode));
    }

    [Theory]
    [InlineData(500, 0)]
    [InlineData(3, 1)]
    public async Task RunAsync_OrderThreeTimesTheCustomersAverage_IsJudgedAgainstOrdersStoredBeforeItsBatch(int batchSize, int expectedSuggestions)
    {
        await using var database = await ImportedCustomersAsync();
        await using var host = new ImportTestHost(database);
        var file = await TempFileAsync(OrdersHeader,
            "AVG-1;CRM-00999;SKU-001;;100,00;EUR;2025-01-10",
            "AVG-2;CRM-00999;SKU-001;;100,00;EUR;2025-02-10",
            "AVG-3;CRM-00999;SKU-001;;100,00;EUR;2025-03-10",
            "AVG-4;CRM-00999;SKU-001;;1000,00;EUR;2025-04-10");

        var report = await host.ImportAsync(ImportKind.Orders, file, batchSize: batchSize);

        Assert.Equal((4, 0), (report.Created, report.Rejected));
        await using var db = database.CreateContext();
        var customer = await CustomerAsync(db, "CRM-00999");
        Assert.Equal(expectedSuggestions, await db.QueuedOfferSuggestions.CountAsync(s => s.CustomerId == customer));
        Assert.Equal(expectedSuggestions, await db.InboxItems.CountAsync(i => i.Channel == OfferEventOutbox.Channel));
    }

    [Fact]
    public async Task RunAsync_OrdersDryRun_CountsThemAndWritesNeitherOrdersNorPushes()
    {
        await using var database = await ImportedCustomersAsync();
        await using var host = new ImportTestHost(database);

        var report = await host.ImportAsync(ImportKind.Orders, "orders.csv", dryRun: true);

        Assert.Equal((201, 0, false), (report.Created, report.Rejected, report.Written));
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Orders.CountAsync());
        Assert.Equal(0, await db.QueuedOfferSuggestions.CountAsync());
        Assert.Equal(0, await db.InboxItems.CountAsync(i => i.Channel == OfferEventOutbox.Channel));
    }

    [Fact]
    public async Task RunAsync_ConsentWithdrawnThenGrantedInOneFile_StoresBothAndTheGrantStands()
    {
        await using var database = await ImportedCustomersAsync();
        await using var host = new ImportTestHost(database);
        var file = await TempFileAsync(ConsentsHeader,
            "FLIP-1;CRM-00998;Marketing;Email;withdrawn;web form;2025-03-01T09:00:00Z",
            "FLIP-2;CRM-00998;Marketing;Email;granted;call with rep;2025-03-02T09:00:00Z");

        var report = await host.ImportAsync(ImportKind.Consents, file);
        var again = await host.ImportAsync(ImportKind.Consents, file);

        Assert.Equal((2, 0), (report.Created, report.Rejected));
        Assert.Equal((0, 2), (again.Created, again.Unchanged));
        await using var db = database.CreateContext();
        var customer = await CustomerAsync(db, "CRM-00998");
        var history = await db.ConsentRecords.Where(c => c.CustomerId == customer).ToListAsync();
        Assert.Equal(["FLIP-1", "FLIP-2"], history.OrderBy(c => c.RecordedAt).Select(c => c.ExternalId));
        Assert.Equal([false, true], history.OrderBy(c => c.RecordedAt).Select(c => c.Granted));
        Assert.Equal("FLIP-2", ConsentRules.Latest(history, ConsentPurpose.Marketing, ContactChannel.Email)?.ExternalId);
    }

    private async Task<CrmTestDatabase> ImportedCustomersAsync()
    {
        var database = await (await CreateDatabaseAsync()).MigrateAsync();
        await using var host = new ImportTestHost(database);
        await host.ImportDirectoryAsync();
        var customers = await host.ImportAsync(ImportKind.Customers, "customers-1000.csv");
        Assert.Equal(1000, customers.Created);
        return database;
    }

    private static async Task<CustomerId> CustomerAsync(CrmDbContext db, string externalId) =>
        (await db.CustomerIdentities.SingleAsync(i => i.Kind == IdentityKind.ExternalId && i.Value == externalId)).CustomerId;

    private async Task<string> TempFileAsync(params string[] lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"import-{Guid.NewGuid():N}.csv");
        _files.Add(path);
        await File.WriteAllLinesAsync(path, lines);
        return path;
    }
}

public sealed class SqliteImportBulkOrderConsentTests : ImportBulkOrderConsentTests
{
    protected override Task<CrmTestDatabase> CreateDatabaseAsync() => Task.FromResult<CrmTestDatabase>(SqliteTestDatabase.TempFile());
}

public sealed class PostgresImportBulkOrderConsentTests : ImportBulkOrderConsentTests
{
    protected override async Task<CrmTestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync("importbulk");
}
