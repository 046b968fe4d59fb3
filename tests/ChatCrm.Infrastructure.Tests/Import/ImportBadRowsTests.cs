using ChatCrm.Infrastructure.Import;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Tests.Import;

/// <summary>Every kind of bad row the fixtures hold is reported with its line, its column as the file names it and a reason.</summary>
public abstract class ImportBadRowsTests
{
    protected abstract Task<CrmTestDatabase> CreateDatabaseAsync();

    [Fact]
    public async Task RunAsync_BadCustomerRows_ReportsEachByLineColumnAndReason()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();
        await using var host = new ImportTestHost(database);
        await host.ImportDirectoryAsync();

        var report = await host.ImportAsync(ImportKind.Customers, "customers-bad.csv", dryRun: true, encoding: ImportEncoding.Utf8);

        var problems = report.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains("line 3, column country: 'XX' is not an ISO 3166 two-letter country code", problems);
        Assert.Contains("line 4, column email: 'not-an-email' is not an e-mail address", problems);
        Assert.Contains("line 5, column owner: no user has the e-mail or directory id 'ghost@acme.example'", problems);
        Assert.Contains("line 6, column externalId: 'B-1' appears more than once in the file", problems);
        Assert.Contains("line 7, column language: 'qq' is not a two-letter language code", problems);
        Assert.Contains("line 8, column name: is 300 characters long; the limit is 200", problems);
        Assert.Contains("line 9: has 4 columns; the header has 9", problems);
        Assert.Contains("line 10, column externalId: is required", problems);
        Assert.Contains(problems, p => p.StartsWith("line 11, column phone: '12' is not a phone number", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("line 13: holds bytes that are not valid UTF-8", StringComparison.Ordinal));
        Assert.Equal((12L, 2L, 10L), (report.RowsRead, report.Created, report.Rejected));
    }

    [Fact]
    public async Task RunAsync_BadOrderRows_ReportsAmountsDatesCurrenciesAndUnknownCustomers()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();
        await using var host = new ImportTestHost(database);
        await host.ImportDirectoryAsync();
        await host.ImportAsync(ImportKind.Customers, "customers-1000.csv");

        var report = await host.ImportAsync(ImportKind.Orders, "orders-bad.csv");

        var problems = report.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains("line 3, column amount: 'twelve' is not a number", problems);
        Assert.Contains("line 4, column customerExternalId: no customer has the external id 'NOPE-1'", problems);
        Assert.Contains("line 5, column amount: must be greater than zero", problems);
        Assert.Contains("line 6, column amount: is more than 100,000,000 EUR: taken for a slip", problems);
        Assert.Contains("line 7, column placedAt: is in the future", problems);
        Assert.Contains("line 8, column placedAt: is before 1900: an empty or mistyped date", problems);
        Assert.Contains("line 9, column currency: XYZ has no rate into EUR (add it to Tiers:ExchangeRates)", problems);
        Assert.Contains("line 10, column placedAt: 'not a date' is not a date (write 2025-03-14 or 14/03/2025)", problems);
        Assert.False(report.Written);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Orders.CountAsync());
    }

    [Fact]
    public async Task RunAsync_BadConsentRows_NamesTheUnknownValueAndTheAllowedOnes()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();
        await using var host = new ImportTestHost(database);
        await host.ImportDirectoryAsync();
        await host.ImportAsync(ImportKind.Customers, "customers-1000.csv");

        var report = await host.ImportAsync(ImportKind.Consents, "consents-bad.csv", skipInvalid: true);

        var problems = report.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains("line 3, column purpose: 'Spam' is not one of Service, Marketing, Profiling", problems);
        Assert.Contains("line 4, column channel: 'Pigeon' is not one of Email, Phone, Sms, Chat, Post", problems);
        Assert.Contains("line 5, column status: 'maybe' is neither granted nor withdrawn", problems);
        await using var db = database.CreateContext();
        Assert.Equal("BC-1", (await db.ConsentRecords.SingleAsync()).ExternalId);
    }

    [Fact]
    public async Task RunAsync_FileWithoutARequiredColumn_ReportsTheFileAndReadsNoRow()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();
        await using var host = new ImportTestHost(database);

        var report = await host.ImportAsync(ImportKind.Orders, "customers-1000.csv");

        Assert.Equal(0, report.RowsRead);
        Assert.Contains("no column for customerExternalId, productCode, amount, currency, placedAt", report.FileProblem, StringComparison.Ordinal);
    }
}

public sealed class SqliteImportBadRowsTests : ImportBadRowsTests
{
    protected override Task<CrmTestDatabase> CreateDatabaseAsync() => Task.FromResult<CrmTestDatabase>(SqliteTestDatabase.TempFile());
}

public sealed class PostgresImportBadRowsTests : ImportBadRowsTests
{
    protected override async Task<CrmTestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync("importbad");
}
