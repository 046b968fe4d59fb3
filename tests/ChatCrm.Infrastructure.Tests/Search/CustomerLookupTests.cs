using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Customers.Identification;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Search;
using ChatCrm.Infrastructure.Tests.Persistence;

namespace ChatCrm.Infrastructure.Tests.Search;

/// <summary>Identifying customers through the index on each engine: handles, typos, "name, company", namesakes, many matches.</summary>
public abstract class CustomerLookupTests(DatabaseFixture db)
{
    private static readonly CountryCode Spain = CountryCode.Parse("ES");

    [Fact]
    public async Task IdentifyAsync_HandleAsTyped_IsExact()
    {
        var email = CrmTestData.UniqueEmail("Ana.Ruiz");
        var loyalty = $"CC{Random.Shared.NextInt64(100_000_000, 999_999_999)}";
        var customer = CrmTestData.Customer("Ana Ruiz", SearchWords.Unique());
        customer.AddIdentity(IdentityKind.Email, email);
        customer.AddIdentity(IdentityKind.LoyaltyNumber, loyalty);
        await SaveAsync(customer);

        Assert.Equal(customer.Id, await ExactAsync($"  {email.ToUpperInvariant()} "));
        Assert.Equal(customer.Id, await ExactAsync(loyalty.ToLowerInvariant()));
    }

    [Fact]
    public async Task IdentifyAsync_SurnameWithATypo_FindsTheCustomer()
    {
        var company = SearchWords.Unique();
        var customer = CrmTestData.Customer("Mario Núñez Castaño", company);
        await SaveAsync(customer);

        Assert.Equal(customer.Id, await ExactAsync($"mario nunes, {company}"));
        Assert.Equal(customer.Id, await ExactAsync($"Castaño, {company[..^1]}x"));
    }

    [Fact]
    public async Task IdentifyAsync_MistypedRareWord_FindsTheCustomerByItAlone()
    {
        var company = SearchWords.Unique();
        var customer = CrmTestData.Customer("Lucía Gómez", company);
        await SaveAsync(customer);
        var mistyped = string.Concat(company.AsSpan(0, 3), company[4].ToString(), company[3].ToString(), company.AsSpan(5));

        Assert.Equal(customer.Id, await ExactAsync(mistyped));
    }

    [Fact]
    public async Task IdentifyAsync_NamesakesAtOneCompany_AreCandidatesNeverAGuess()
    {
        var company = SearchWords.Unique();
        var first = CrmTestData.Customer("Javier Martín", company);
        var second = CrmTestData.Customer("Javier Martín", company);
        await SaveAsync(first, second);

        var decision = await IdentifyAsync($"javier martin, {company}");

        var candidates = Assert.IsType<IdentificationDecision.Candidates>(decision);
        Assert.Equal(new[] { first.Id.Value, second.Id.Value }.Order(), candidates.Ranked.Select(c => c.Customer.Id.Value).Order());
    }

    [Fact]
    public async Task IdentifyAsync_MoreMatchesThanItWeighs_ListsSomeAndSaysMoreExist()
    {
        var surname = SearchWords.Unique();
        var many = Enumerable.Range(0, CustomerSearchIndex.MaxCandidates + 20).Select(_ => CrmTestData.Customer($"Ana {surname}", company: null)).ToArray();
        var other = CrmTestData.Customer($"Eva {surname}", company: null);
        await SaveAsync([.. many, other]);

        var both = Assert.IsType<IdentificationDecision.Candidates>(await IdentifyAsync($"ana {surname}"));
        var alone = Assert.IsType<IdentificationDecision.Candidates>(await IdentifyAsync(surname));

        Assert.True(both.MoreExist);
        Assert.True(alone.MoreExist);
        Assert.All(both.Ranked, c => Assert.StartsWith("Ana ", c.Customer.DisplayName, StringComparison.Ordinal));
        Assert.Equal(other.Id, await ExactAsync($"eva {surname}"));
    }

    [Fact]
    public async Task IdentifyAsync_NothingLikeIt_IsNone()
    {
        await SaveAsync(CrmTestData.Customer("Pilar Soto", SearchWords.Unique()));

        Assert.IsType<IdentificationDecision.None>(await IdentifyAsync(SearchWords.Unique()));
        Assert.IsType<IdentificationDecision.None>(await IdentifyAsync(CrmTestData.UniqueEmail()));
    }

    private async Task<CustomerId?> ExactAsync(string text) =>
        (await IdentifyAsync(text) as IdentificationDecision.Exact)?.Match.Customer.Id;

    private async Task<IdentificationDecision> IdentifyAsync(string text)
    {
        await using var context = db.CreateContext();
        return await Lookup(context).IdentifyAsync(CustomerQuery.Parse(text, Spain), CancellationToken.None);
    }

    internal static CustomerLookup Lookup(CrmDbContext context) => new(context, new CustomerSearchIndex(context));

    private async Task SaveAsync(params Customer[] customers)
    {
        await using var context = db.CreateContext();
        context.Customers.AddRange(customers);
        await context.SaveChangesAsync();
    }
}

public sealed class SqliteCustomerLookupTests(SqliteFixture db) : CustomerLookupTests(db), IClassFixture<SqliteFixture>;

public sealed class PostgresCustomerLookupTests(PostgresFixture db) : CustomerLookupTests(db), IClassFixture<PostgresFixture>;
