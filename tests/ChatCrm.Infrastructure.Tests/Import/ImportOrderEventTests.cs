using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Offers;
using ChatCrm.Infrastructure.Import;
using ChatCrm.Infrastructure.Offers;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Tests.Import;

/// <summary>Imported orders fire the same offer triggers as any order, once however often the file is imported; back-filled history fires none.</summary>
public abstract class ImportOrderEventTests
{
    protected abstract Task<CrmTestDatabase> CreateDatabaseAsync();

    [Fact]
    public async Task RunAsync_LargeDepositOrder_QueuesALargeDepositSuggestionForTheCustomer()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();
        await using var host = new ImportTestHost(database);
        await host.ImportDirectoryAsync();
        await host.ImportAsync(ImportKind.Customers, "customers-1000.csv");

        var report = await host.ImportAsync(ImportKind.Orders, "orders.csv");

        Assert.Equal((201, 0), (report.Created, report.Rejected));
        await using var db = database.CreateContext();
        var customer = (await db.CustomerIdentities.SingleAsync(i => i.Kind == IdentityKind.ExternalId && i.Value == "CRM-00001")).CustomerId;
        var queued = await db.QueuedOfferSuggestions.SingleAsync(s => s.CustomerId == customer && s.Trigger == OfferTriggerKind.LargeDeposit);
        Assert.Contains("25,000.00 EUR in Deposits", queued.ReasonEnglish, StringComparison.Ordinal);
        Assert.Equal("DEPOSITS", (await db.Orders.SingleAsync(o => o.ExternalId == "ORD-DEP-1")).Category?.ToUpperInvariant());
        var push = await db.InboxItems.SingleAsync(i => i.Channel == OfferEventOutbox.Channel && i.DedupKey.Contains(customer.Value.ToString("N")));
        Assert.Equal(queued.Id, OfferEventNotice.FromPayload(push.Payload!)!.SuggestionId);
    }

    [Fact]
    public async Task RunAsync_SameOrdersFileTwice_QueuesEachPushOnce()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();
        await using var host = new ImportTestHost(database);
        await host.ImportDirectoryAsync();
        await host.ImportAsync(ImportKind.Customers, "customers-1000.csv");
        await host.ImportAsync(ImportKind.Orders, "orders.csv");
        int Pushes(CrmDbContext db) => db.InboxItems.Count(i => i.Channel == OfferEventOutbox.Channel);
        int first;
        await using (var db = database.CreateContext())
            first = Pushes(db);

        await host.ImportAsync(ImportKind.Orders, "orders.csv");

        Assert.True(first > 0);
        await using var read = database.CreateContext();
        Assert.Equal(first, Pushes(read));
    }

    [Fact]
    public async Task RunAsync_HistoricalOrders_StoresThemButQueuesNoSuggestion()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();
        await using var host = new ImportTestHost(database);
        await host.ImportDirectoryAsync();
        await host.ImportAsync(ImportKind.Customers, "customers-1000.csv");

        var report = await host.ImportAsync(ImportKind.Orders, "orders.csv", historical: true);

        Assert.Equal(201, report.Created);
        await using var db = database.CreateContext();
        Assert.Equal(201, await db.Orders.CountAsync());
        Assert.Equal(0, await db.QueuedOfferSuggestions.CountAsync());
        Assert.Equal(0, await db.InboxItems.CountAsync(i => i.Channel == OfferEventOutbox.Channel));
    }
}

public sealed class SqliteImportOrderEventTests : ImportOrderEventTests
{
    protected override Task<CrmTestDatabase> CreateDatabaseAsync() => Task.FromResult<CrmTestDatabase>(SqliteTestDatabase.TempFile());
}

public sealed class PostgresImportOrderEventTests : ImportOrderEventTests
{
    protected override async Task<CrmTestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync("importev");
}
