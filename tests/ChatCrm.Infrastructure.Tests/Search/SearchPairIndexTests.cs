using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Customers.Identification;
using ChatCrm.Infrastructure.Customers;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Search;
using ChatCrm.Infrastructure.Privacy;
using ChatCrm.Infrastructure.Seeding;
using ChatCrm.Infrastructure.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatCrm.Infrastructure.Tests.Search;

/// <summary>
/// The word-pair index follows every change of a customer (create, rename, merge, erase, delete), the backfill
/// fills it for customers written without it, and searches by two common words decide exactly as without it.
/// </summary>
public abstract class SearchPairIndexTests(DatabaseFixture db)
{
    private static readonly CountryCode Spain = CountryCode.Parse("ES");

    [Fact]
    public async Task SaveChanges_CustomerAdded_PairsEachTwoWordsOfThreeLettersOrMore()
    {
        var company = SearchWords.Unique();
        var customer = CrmTestData.Customer("María Núñez", $"{company} Ibérica S.L.");
        await SaveAsync(customer);

        // "s" and "l" are left out; each pair once, in ordinal order.
        Assert.Equal(Pairs("iberica", "maria", "nunez", company), await PairsOfAsync(customer.Id));
    }

    [Fact]
    public async Task SaveChanges_OneWordLongEnough_GetsTheRowOfNoPairs()
    {
        var customer = CrmTestData.Customer("Bo Li", company: null);
        await SaveAsync(customer);

        Assert.Equal([(CustomerSearchPair.NoPairs, CustomerSearchPair.NoPairs)], await PairsOfAsync(customer.Id));
    }

    [Fact]
    public async Task SaveChanges_RenamedAndMoved_ReplacesItsPairs()
    {
        var (before, after) = (SearchWords.Unique(), SearchWords.Unique());
        var customer = CrmTestData.Customer("Ana López", before);
        await SaveAsync(customer);

        await using (var context = db.CreateContext())
        {
            var tracked = await context.Customers.SingleAsync(c => c.Id == customer.Id);
            tracked.Rename("Ana Ortega");
            tracked.MoveToCompany(after);
            await context.SaveChangesAsync();
        }

        Assert.Equal(Pairs("ana", "ortega", after), await PairsOfAsync(customer.Id));
    }

    [Fact]
    public async Task SaveChanges_MergedIntoARecordWithoutCompany_SurvivorGainsTheCompanyPairs()
    {
        var company = SearchWords.Unique();
        var rep = CrmTestData.Rep();
        var survivor = CrmTestData.Customer("Pablo Iglesias Rubio", company: null);
        var duplicate = CrmTestData.Customer("Pablo Iglesias", company);
        await using (var context = db.CreateContext())
        {
            context.Users.Add(rep);
            context.Customers.AddRange(survivor, duplicate);
            await context.SaveChangesAsync();
        }

        await using (var context = db.CreateContext())
        {
            Assert.NotNull(await new CustomerMerger(context).StageAsync(survivor.Id, duplicate.Id, rep.Id, DateTimeOffset.UtcNow, CancellationToken.None));
            await context.SaveChangesAsync();
        }

        Assert.Equal(Pairs("iglesias", "pablo", "rubio", company), await PairsOfAsync(survivor.Id));
    }

    [Fact]
    public async Task SaveChanges_Erased_KeepsNoPairOfTheFormerName()
    {
        var customer = CrmTestData.Customer("Rocío Beltrán", SearchWords.Unique());
        await SaveAsync(customer);

        await using (var context = db.CreateContext())
        {
            Assert.NotNull(await new CustomerErasure(context).StageAsync(customer.Id, DateTimeOffset.UtcNow, CancellationToken.None));
            await context.SaveChangesAsync();
        }

        Assert.Equal([(CustomerSearchPair.NoPairs, CustomerSearchPair.NoPairs)], await PairsOfAsync(customer.Id));
    }

    [Fact]
    public async Task SaveChanges_CustomerDeleted_TakesItsPairsAlong()
    {
        var customer = CrmTestData.Customer("Pedro Gil Soria", SearchWords.Unique());
        await SaveAsync(customer);

        await using (var context = db.CreateContext())
        {
            context.Customers.Remove(await context.Customers.SingleAsync(c => c.Id == customer.Id));
            await context.SaveChangesAsync();
        }

        Assert.Empty(await PairsOfAsync(customer.Id));
    }

    [Fact]
    public async Task Backfill_CustomersWithoutPairs_AreIndexedOnceWithProgress()
    {
        var company = SearchWords.Unique();
        var customers = Enumerable.Range(0, 3).Select(_ => CrmTestData.Customer("Carmen Vidal", company)).ToList();
        var tooShort = CrmTestData.Customer("Al", company: null);
        await using (var context = db.CreateContext())
        {
            context.Customers.AddRange([.. customers, tooShort]);
            await context.SaveChangesAsync();
            var ids = customers.Append(tooShort).Select(c => c.Id).ToList();
            await context.CustomerSearchPairs.Where(p => ids.Contains(p.CustomerId)).ExecuteDeleteAsync();
        }

        var progress = new RecordedProgress();
        await using (var context = db.CreateContext())
            await new SearchIndexBackfill(context, NullLogger<SearchIndexBackfill>.Instance).RunAsync(progress, CancellationToken.None);
        var again = new RecordedProgress();
        await using (var context = db.CreateContext())
            await new SearchIndexBackfill(context, NullLogger<SearchIndexBackfill>.Instance).RunAsync(again, CancellationToken.None);

        Assert.Equal(Pairs("carmen", "vidal", company), await PairsOfAsync(customers[2].Id));
        Assert.Equal([(CustomerSearchPair.NoPairs, CustomerSearchPair.NoPairs)], await PairsOfAsync(tooShort.Id));
        var last = Assert.IsType<SeedProgress>(progress.Reports.LastOrDefault());
        Assert.Equal(SearchIndexBackfill.PairStage, last.Stage);
        Assert.Equal(last.Total, last.Done);
        Assert.Empty(again.Reports);
    }

    [Fact]
    public async Task IdentifyAsync_TwoCommonWords_DecidesAsWithoutThePairIndex()
    {
        // Two words each with more customers than a search weighs, and few customers having both.
        var (given, surname, company) = (SearchWords.Unique(), SearchWords.Unique(), SearchWords.Unique());
        var onlyGiven = Enumerable.Range(0, CustomerSearchIndex.MaxCandidates + 10).Select(_ => CrmTestData.Customer($"{given} Ruiz", company: null));
        var onlySurname = Enumerable.Range(0, CustomerSearchIndex.MaxCandidates + 10).Select(_ => CrmTestData.Customer($"Luis {surname}", company: null));
        var both = new[] { CrmTestData.Customer($"{given} {surname}", company), CrmTestData.Customer($"{given} {surname} Prado", company: null) };
        var atCompany = CrmTestData.Customer($"{given} Ferrer", $"{surname} Hermanos");
        await using (var context = db.CreateContext())
        {
            context.Customers.AddRange([.. onlyGiven, .. onlySurname, .. both, atCompany]);
            await context.SaveChangesAsync();
        }
        var queries = new[]
        {
            $"{given} {surname}", $"{given[..^1]}x {surname}", $"{given} {surname[..6]}", $"{given} {surname}, {company}",
            $"{given} {surname} prado", $"{given} {surname} hermanos", $"{given} {surname}, nadie",
        };

        var withPairs = await DecideAllAsync(queries);
        var ids = await IdsOfAsync(given, surname);
        await using (var context = db.CreateContext())
            await context.CustomerSearchPairs.Where(p => ids.Contains(p.CustomerId)).ExecuteDeleteAsync();
        var withoutPairs = await DecideAllAsync(queries);

        Assert.Equal(withoutPairs, withPairs);
        // And what the decisions are: the customers having both words (in the name or the company), never those with one.
        var found = withPairs[0].Split(' ')[1].Split(',').ToHashSet();
        Assert.Equal(both.Append(atCompany).Select(c => c.Id.Value.ToString()).Order(), found.Order());
        Assert.StartsWith("Exact " + both[0].Id.Value, withPairs[3], StringComparison.Ordinal);
    }

    private async Task<List<string>> DecideAllAsync(IEnumerable<string> queries)
    {
        var decisions = new List<string>();
        foreach (var text in queries)
        {
            await using var context = db.CreateContext();
            var decision = await CustomerLookupTests.Lookup(context).IdentifyAsync(CustomerQuery.Parse(text, Spain), CancellationToken.None);
            decisions.Add(decision switch
            {
                IdentificationDecision.Exact exact => $"Exact {exact.Match.Customer.Id.Value}",
                IdentificationDecision.Candidates candidates =>
                    $"Candidates {string.Join(',', candidates.Ranked.Select(c => c.Customer.Id.Value))} {candidates.MoreExist}",
                _ => "None",
            });
        }
        return decisions;
    }

    private async Task<List<CustomerId>> IdsOfAsync(params string[] words)
    {
        await using var read = db.CreateContext();
        return await read.CustomerSearchTerms.Where(t => words.Contains(t.Word)).Select(t => t.CustomerId).Distinct().ToListAsync();
    }

    private static List<(string, string)> Pairs(params string[] words)
    {
        var sorted = words.Order(StringComparer.Ordinal).ToList();
        return [.. sorted.SelectMany((a, i) => sorted.Skip(i + 1).Select(b => (a, b)))];
    }

    private async Task SaveAsync(Customer customer)
    {
        await using var context = db.CreateContext();
        context.Customers.Add(customer);
        await context.SaveChangesAsync();
    }

    private async Task<List<(string, string)>> PairsOfAsync(CustomerId id)
    {
        await using var read = db.CreateContext();
        var pairs = await read.CustomerSearchPairs.Where(p => p.CustomerId == id).Select(p => new { p.First, p.Second }).ToListAsync();
        return [.. pairs.Select(p => (p.First, p.Second)).OrderBy(p => p.First, StringComparer.Ordinal).ThenBy(p => p.Second, StringComparer.Ordinal)];
    }

    private sealed class RecordedProgress : IProgress<SeedProgress>
    {
        public List<SeedProgress> Reports { get; } = [];

        public void Report(SeedProgress value) => Reports.Add(value);
    }
}

public sealed class SqliteSearchPairIndexTests(SqliteFixture db) : SearchPairIndexTests(db), IClassFixture<SqliteFixture>;

public sealed class PostgresSearchPairIndexTests(PostgresFixture db) : SearchPairIndexTests(db), IClassFixture<PostgresFixture>;
