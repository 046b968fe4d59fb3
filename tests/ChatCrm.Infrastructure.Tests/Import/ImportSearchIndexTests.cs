using System.Text;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Customers.Identification;
using ChatCrm.Infrastructure.Import;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Search;
using ChatCrm.Infrastructure.Tests.Search;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Tests.Import;

/// <summary>
/// Imported customers are written in bulk, around the change tracker and its search-index hook: they must still be
/// findable as a customer saved from chat is (typos, "name, company", handles), on each engine.
/// </summary>
public abstract class ImportSearchIndexTests
{
    private static readonly CountryCode Spain = CountryCode.Parse("ES");

    protected abstract Task<CrmTestDatabase> CreateDatabaseAsync();

    [Fact]
    public async Task RunAsync_NewCustomers_AreFoundByMistypedNameCompanyAndHandle()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();
        await using var host = new ImportTestHost(database);
        var company = SearchWords.Unique();
        var file = await WriteCsvAsync(
            $"IX-1;Begoña Zubizarreta Ibáñez;{company};ES;es;begona.ix1@example.es;+34 611 22 33 44",
            $"IX-2;Iñaki Zubizarreta;{company};ES;es;inaki.ix2@example.es;");

        var report = await host.ImportAsync(ImportKind.Customers, file);

        Assert.Equal((2, 0), (report.Created, report.Rejected));
        await using var db = database.CreateContext();
        var begona = await IdByExternalIdAsync(db, "IX-1");
        Assert.Equal(begona, await ExactAsync(db, $"begona zubisarreta, {company}"));
        Assert.Equal(begona, await ExactAsync(db, "611223344"));
        Assert.Equal(await IdByExternalIdAsync(db, "IX-2"), await ExactAsync(db, $"Iñaki, {company}"));
    }

    [Fact]
    public async Task RunAsync_WordAlreadyInTheVocabulary_IsNotWrittenTwiceAndTheImportSucceeds()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();
        await using var host = new ImportTestHost(database);
        var company = SearchWords.Unique();
        await using (var chat = database.CreateContext())
        {
            chat.Customers.Add(new Customer(CustomerId.New(), "Ramón Etxeberria", company, Spain, LanguageCode.Parse("es"), DateTimeOffset.UtcNow));
            await chat.SaveChangesAsync();
        }
        var file = await WriteCsvAsync($"IX-3;Nerea Etxeberria;{company};ES;es;nerea.ix3@example.es;");

        var report = await host.ImportAsync(ImportKind.Customers, file);

        Assert.Equal((1, 0, true), (report.Created, report.Rejected, report.Written));
        await using var db = database.CreateContext();
        var word = IndexedWords.Trim(company);
        Assert.Equal(1, await db.SearchWordVariants.CountAsync(v => v.Variant == word && v.Word == word));
        Assert.Equal(2, await db.CustomerSearchTerms.CountAsync(t => t.Word == word));
        var nerea = await IdByExternalIdAsync(db, "IX-3");
        Assert.Equal(nerea, await ExactAsync(db, $"nerea etxeberria, {company}"));
    }

    [Fact]
    public async Task InsertSkippingExistingAsync_RowAnotherWriterAddedMeanwhile_IsSkippedAndTheRestWritten()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();
        var taken = SearchWords.Unique();
        var fresh = SearchWords.Unique();
        await using (var other = database.CreateContext())
        {
            other.SearchWordVariants.Add(new SearchWordVariant(taken, taken));
            await other.SaveChangesAsync();
        }
        await using var db = database.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await using (var inserter = new ChatCrm.Infrastructure.Persistence.Bulk.BulkInserter(db))
            await inserter.InsertSkippingExistingAsync([new SearchWordVariant(taken, taken), new SearchWordVariant(fresh, fresh)], CancellationToken.None);
        await transaction.CommitAsync();

        Assert.Equal(1, await db.SearchWordVariants.CountAsync(v => v.Variant == taken));
        Assert.Equal(1, await db.SearchWordVariants.CountAsync(v => v.Variant == fresh));
    }

    private static async Task<string> WriteCsvAsync(params string[] rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"chatcrm-import-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, "externalId;name;company;country;language;email;phone\n" + string.Join('\n', rows) + "\n", Encoding.UTF8);
        return path;
    }

    private static async Task<CustomerId> IdByExternalIdAsync(CrmDbContext db, string externalId) =>
        (await db.CustomerIdentities.SingleAsync(i => i.Kind == IdentityKind.ExternalId && i.Value == externalId)).CustomerId;

    private static async Task<CustomerId?> ExactAsync(CrmDbContext db, string text) =>
        (await CustomerLookupTests.Lookup(db).IdentifyAsync(CustomerQuery.Parse(text, Spain), CancellationToken.None) as IdentificationDecision.Exact)
            ?.Match.Customer.Id;
}

public sealed class SqliteImportSearchIndexTests : ImportSearchIndexTests
{
    protected override Task<CrmTestDatabase> CreateDatabaseAsync() => Task.FromResult<CrmTestDatabase>(SqliteTestDatabase.TempFile());
}

public sealed class PostgresImportSearchIndexTests : ImportSearchIndexTests
{
    protected override async Task<CrmTestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync("importix");
}
