using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Search;
using ChatCrm.Infrastructure.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatCrm.Infrastructure.Tests.Search;

/// <summary>The word index follows every tracked change of a customer, and the backfill catches what bypassed it, on each engine.</summary>
public abstract class SearchIndexUpkeepTests(DatabaseFixture db)
{
    [Fact]
    public async Task SaveChanges_CustomerAdded_IndexesTheWordsOfNameAndCompany()
    {
        var company = SearchWords.Unique();
        var customer = CrmTestData.Customer("María Núñez", $"{company} Ibérica S.L.");
        await SaveAsync(customer);

        Assert.Equal(Sorted("iberica", "l", "maria", "nunez", "s", company), await WordsOfAsync(customer.Id));
        await using var read = db.CreateContext();
        Assert.True(await read.SearchWordVariants.AnyAsync(v => v.Variant == company && v.Word == company));
        var deletion = company[..^1];
        Assert.True(await read.SearchWordVariants.AnyAsync(v => v.Variant == deletion && v.Word == company));
    }

    [Fact]
    public async Task SaveChanges_RenamedAndMovedToAnotherCompany_ReplacesItsWords()
    {
        var (before, after) = (SearchWords.Unique(), SearchWords.Unique());
        var customer = CrmTestData.Customer("Ana López", before);
        await SaveAsync(customer);

        await using (var context = db.CreateContext())
        {
            var tracked = await context.Customers.SingleAsync(c => c.Id == customer.Id);
            tracked.Rename("Ana María López Ortega");
            tracked.MoveToCompany(after);
            await context.SaveChangesAsync();
        }

        Assert.Equal(Sorted("ana", after, "lopez", "maria", "ortega"), await WordsOfAsync(customer.Id));
    }

    [Fact]
    public async Task SaveChanges_CustomerDeleted_TakesItsWordsAlong()
    {
        var customer = CrmTestData.Customer("Pedro Gil", SearchWords.Unique());
        await SaveAsync(customer);

        await using (var context = db.CreateContext())
        {
            context.Customers.Remove(await context.Customers.SingleAsync(c => c.Id == customer.Id));
            await context.SaveChangesAsync();
        }

        Assert.Empty(await WordsOfAsync(customer.Id));
    }

    [Fact]
    public async Task SaveChanges_TwoCustomersShareANewWord_VocabularyHoldsItOnce()
    {
        var company = SearchWords.Unique();
        await SaveAsync(CrmTestData.Customer("Lucía Vega", company));
        await SaveAsync(CrmTestData.Customer("Luis Vega", company));

        await using var read = db.CreateContext();
        Assert.Equal(1, await read.SearchWordVariants.CountAsync(v => v.Variant == company && v.Word == company));
        Assert.Equal(2, await read.CustomerSearchTerms.CountAsync(t => t.Word == company));
    }

    [Fact]
    public async Task SaveChanges_NewWordAddedByAnotherSaveMeanwhile_StillSavesTheCustomer()
    {
        var company = SearchWords.Unique();
        var rival = CrmTestData.Customer("Elena Prieto Sanz", company);
        // Between this save's vocabulary lookup and its write, another save adds the same new word.
        var meanwhile = new RunOnceBeforeSaving(() => SaveAsync(rival));
        await using var slow = InterceptedContexts.Create(db.Database, meanwhile);
        var late = CrmTestData.Customer("Elena Prieto", company);
        slow.Customers.Add(late);

        await slow.SaveChangesAsync();

        Assert.True(meanwhile.Ran);
        Assert.Contains(company, await WordsOfAsync(late.Id));
        Assert.Contains(company, await WordsOfAsync(rival.Id));
        await using var read = db.CreateContext();
        Assert.Equal(1, await read.SearchWordVariants.CountAsync(v => v.Variant == company && v.Word == company));
    }

    [Fact]
    public async Task Backfill_CustomersWrittenAroundTheIndex_AreIndexedOnce()
    {
        var company = SearchWords.Unique();
        var customers = Enumerable.Range(0, 3).Select(i => CrmTestData.Customer($"Cliente Número {i}", company)).ToList();
        var wordless = CrmTestData.Customer("¡¿ ?!", company: null);
        await using (var context = db.CreateContext())
        {
            context.Customers.AddRange([.. customers, wordless]);
            await context.SaveChangesAsync();
            var ids = customers.Append(wordless).Select(c => c.Id).ToList();
            await context.CustomerSearchTerms.Where(t => ids.Contains(t.CustomerId)).ExecuteDeleteAsync();
        }

        int first, second;
        await using (var context = db.CreateContext())
            first = await new SearchIndexBackfill(context, NullLogger<SearchIndexBackfill>.Instance).RunAsync(CancellationToken.None);
        await using (var context = db.CreateContext())
            second = await new SearchIndexBackfill(context, NullLogger<SearchIndexBackfill>.Instance).RunAsync(CancellationToken.None);

        Assert.True(first >= 4, $"{first} customers indexed");
        Assert.Equal(0, second);
        Assert.Equal(Sorted("cliente", company, "numero", "0"), await WordsOfAsync(customers[0].Id));
        Assert.Equal([CustomerSearchTerm.NoWords], await WordsOfAsync(wordless.Id));
    }

    private static string[] Sorted(params string[] words) => [.. words.Order(StringComparer.Ordinal)];

    private async Task SaveAsync(Customer customer)
    {
        await using var context = db.CreateContext();
        context.Customers.Add(customer);
        await context.SaveChangesAsync();
    }

    private async Task<List<string>> WordsOfAsync(CustomerId id)
    {
        await using var read = db.CreateContext();
        var words = await read.CustomerSearchTerms.Where(t => t.CustomerId == id).Select(t => t.Word).ToListAsync();
        return [.. words.Order(StringComparer.Ordinal)];
    }
}

/// <summary>Runs a step once, just before the first save of the context reaches the database.</summary>
internal sealed class RunOnceBeforeSaving(Func<Task> step) : SaveChangesInterceptor
{
    public bool Ran { get; private set; }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (!Ran)
        {
            Ran = true;
            await step();
        }
        return result;
    }
}

public sealed class SqliteSearchIndexUpkeepTests(SqliteFixture db) : SearchIndexUpkeepTests(db), IClassFixture<SqliteFixture>;

public sealed class PostgresSearchIndexUpkeepTests(PostgresFixture db) : SearchIndexUpkeepTests(db), IClassFixture<PostgresFixture>;
