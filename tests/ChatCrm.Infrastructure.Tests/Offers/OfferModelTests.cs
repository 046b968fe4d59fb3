using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Offers;
using ChatCrm.Infrastructure.Consents;
using ChatCrm.Infrastructure.Offers;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Seeding;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatCrm.Infrastructure.Tests.Offers;

/// <summary>
/// The propensity model end to end on seeded history: the seeder writes answered offers with a signal, the model learns
/// it better than the rules rank, a trained version is stored and read back by the ranker, on each engine. The tests
/// that only rank share one trained history per class (<see cref="TrainedOfferHistory"/>).
/// </summary>
public abstract class OfferModelTests(TrainedOfferHistory trained)
{
    protected static readonly ConsentPolicyTable Policies = ConsentPolicyFile.LoadShipped();

    protected Task<CrmTestDatabase> CreateDatabaseAsync() => trained.CreateDatabaseAsync();

    internal static async Task SeedAsync(CrmTestDatabase database, int customers)
    {
        await using var db = database.CreateContext();
        var report = await new DemoSeeder(db, TestClock.Create(), NullLogger<DemoSeeder>.Instance).SeedAsync(new SeedRequest(customers), null, CancellationToken.None);
        Assert.True(report.OfferPresentations > customers, $"{report.OfferPresentations} answered offers for {customers} customers");
    }

    internal static OfferModelTraining Training(CrmDbContext db) =>
        new(db, new OfferTrainingData(db, Policies), TestClock.Create(), NullLogger<OfferModelTraining>.Instance);

    [Fact]
    public async Task TrainAsync_SeededHistory_StoresAVersionTheRankerLoadsAndUses()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();
        await SeedAsync(database, customers: 600);

        OfferModelVersion version;
        await using (var db = database.CreateContext())
            version = await Training(db).TrainAsync(null, CancellationToken.None);

        await using var read = database.CreateContext();
        var stored = await read.OfferModelVersions.SingleAsync();
        Assert.Equal(version.Id, stored.Id);
        Assert.Equal(version.Model, stored.Model);
        // Customers who do not allow profiling are left out, and the seeded EU customers include some.
        Assert.Equal((await new OfferTrainingData(read, Policies).ReadAsync(null, CancellationToken.None)).Count, stored.TrainingRows);
        Assert.InRange(stored.TrainingRows, 1, await read.OfferPresentations.CountAsync(p => p.Response != null) - 1);
        Assert.InRange(stored.HeldOutAuc, 0.5, 1.0);

        var catalog = await read.Offers.ToListAsync();
        var customer = await read.Customers.FirstAsync();
        var facts = new OfferCustomerFacts(null, customer.Country, new HashSet<string>(), new HashSet<string>(), new Dictionary<OfferId, OfferHistory>());
        var cache = new OfferModelCache();
        var ranker = new OfferRanker(read, new OfferTrainingData(read, Policies), cache,
            Microsoft.Extensions.Options.Options.Create(new OfferOptions { MinimumAnswersForModel = 10, MinimumAnswersForShare = 5 }));

        var optedIn = Subject(customer, ConsentRecord.Grant(customer.Id, ConsentPurpose.Profiling, ContactChannel.Email, "web form", TestClock.Now.AddDays(-1)));
        var (ranking, score) = await ranker.ForCustomerAsync(customer.Id, optedIn, ContactChannel.Email, facts, catalog, TestClock.Now, CancellationToken.None);

        Assert.Equal(OfferRankingSource.Model, ranking.Source);
        Assert.Null(ranking.ProfilingRefused);
        Assert.Equal(stored.Id, ranking.ModelVersionId);
        var scores = catalog.Select(o => score!(o)).ToList();
        Assert.All(scores, s => Assert.InRange(s.Score, 0, 1));
        Assert.True(scores.Select(s => s.Score).Distinct().Count() > 1, "the model should tell offers apart");
        Assert.Contains(scores.SelectMany(s => s.Reasons), r => r.English.EndsWith("% of similar customers accepted", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ES", null, false)]   // EU: opt-in for profiling, none on record
    [InlineData("ES", true, true)]
    [InlineData("ES", false, false)]  // granted, then withdrew
    [InlineData("US", null, true)]    // US: opt-out, no objection on record
    [InlineData("US", false, false)]  // US customer who objected
    public async Task ForCustomerAsync_ProfilingConsent_ModelOnlyWhereAllowed(string country, bool? lastSaid, bool usesModel)
    {
        await using var read = trained.Database.CreateContext();
        var ranker = new OfferRanker(read, new OfferTrainingData(read, Policies), new OfferModelCache(),
            Microsoft.Extensions.Options.Options.Create(new OfferOptions { MinimumAnswersForModel = 10 }));
        var customer = await read.Customers.FirstAsync(c => c.Country == CountryCode.Parse(country));
        var facts = new OfferCustomerFacts(null, customer.Country, new HashSet<string>(), new HashSet<string>(), new Dictionary<OfferId, OfferHistory>());
        var said = new List<ConsentRecord>();
        if (lastSaid is not null)
            said.Add(ConsentRecord.Grant(customer.Id, ConsentPurpose.Profiling, ContactChannel.Email, "web form", TestClock.Now.AddDays(-30)));
        if (lastSaid is false)
            said.Add(ConsentRecord.Withdraw(customer.Id, ConsentPurpose.Profiling, ContactChannel.Email, "call", TestClock.Now.AddDays(-1)));

        var (ranking, score) = await ranker.ForCustomerAsync(customer.Id, Subject(customer, [.. said]), ContactChannel.Email, facts,
            await read.Offers.ToListAsync(), TestClock.Now, CancellationToken.None);

        Assert.Equal(usesModel ? OfferRankingSource.Model : OfferRankingSource.Rules, ranking.Source);
        Assert.Equal(usesModel, score is not null);
        Assert.Equal(usesModel, ranking.ProfilingRefused is null);
    }

    private static ConsentSubject Subject(Domain.Customers.Customer customer, params ConsentRecord[] history) =>
        new(Policies.For(customer.Country), history, HadPriorPersonalContact: false);

    [Fact]
    public async Task ForCustomerAsync_LessHistoryThanConfigured_RanksByRules()
    {
        await using var read = trained.Database.CreateContext();
        var answered = await read.OfferPresentations.CountAsync(p => p.AnsweredAt != null);
        var ranker = new OfferRanker(read, new OfferTrainingData(read, Policies), new OfferModelCache(),
            Microsoft.Extensions.Options.Options.Create(new OfferOptions { MinimumAnswersForModel = answered + 1 }));
        var customer = await read.Customers.FirstAsync();
        var facts = new OfferCustomerFacts(null, customer.Country, new HashSet<string>(), new HashSet<string>(), new Dictionary<OfferId, OfferHistory>());

        var optedIn = Subject(customer, ConsentRecord.Grant(customer.Id, ConsentPurpose.Profiling, ContactChannel.Email, "web form", TestClock.Now.AddDays(-1)));
        var (ranking, score) = await ranker.ForCustomerAsync(customer.Id, optedIn, ContactChannel.Email, facts, await read.Offers.ToListAsync(), TestClock.Now, CancellationToken.None);

        Assert.Equal(OfferRankingSource.Rules, ranking.Source);
        Assert.Null(score);
    }
}

public sealed class SqliteOfferModelTests(SqliteTrainedOfferHistory trained) : OfferModelTests(trained), IClassFixture<SqliteTrainedOfferHistory>
{
    [Fact]
    public async Task EvaluateAsync_SeededHistory_ModelBeatsTheRulesOnAucAndPrecisionAt3()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();
        // Only customers who allow profiling teach the model (about half of the seeded ones): enough of them for a stable measure.
        await SeedAsync(database, customers: 6000);
        await using var db = database.CreateContext();

        var result = await new OfferModelTraining(db, new OfferTrainingData(db, Policies), TestClock.Create(), NullLogger<OfferModelTraining>.Instance)
            .EvaluateAsync(null, CancellationToken.None);

        // The seeded truth uses spend, recency and interactions, which the rules do not see: the margin is wide.
        Assert.True(result.ModelAuc >= result.RulesAuc + 0.05, $"model AUC {result.ModelAuc:F3}, rules {result.RulesAuc:F3}");
        Assert.True(result.ModelPrecisionAt3 > result.RulesPrecisionAt3 + 0.02, $"model p@3 {result.ModelPrecisionAt3:F3}, rules {result.RulesPrecisionAt3:F3}");
        Assert.True(result.TestRows > 500 && result.TrainRows > result.TestRows, $"{result.TrainRows} / {result.TestRows}");
    }

    [Fact]
    public async Task TrainAsync_NoAnsweredOffers_SaysWhyAndStoresNothing()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();
        await using var db = database.CreateContext();

        var problem = await Assert.ThrowsAsync<NotEnoughOfferHistoryException>(() =>
            new OfferModelTraining(db, new OfferTrainingData(db, Policies), TestClock.Create(), NullLogger<OfferModelTraining>.Instance).TrainAsync(null, CancellationToken.None));

        Assert.StartsWith("There are 0 answered offers", problem.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.OfferModelVersions.CountAsync());
    }

    [Fact]
    public async Task Offer_Restrictions_RoundTripThroughTheDatabase()
    {
        await using var database = await (await CreateDatabaseAsync()).MigrateAsync();
        await using (var db = database.CreateContext())
        {
            db.Offers.Add(new Offer(OfferId.New(), "VIP", "VIP desk", "Services", ConsentPurpose.Marketing, "Pitch.")
                .RestrictTo(Domain.Tiers.ValueTier.Gold, [CountryCode.Parse("MX"), CountryCode.Parse("ES")]));
            await db.SaveChangesAsync();
        }
        await using var read = database.CreateContext();

        var offer = await read.Offers.SingleAsync(o => o.ProductCode == "VIP");

        Assert.Equal(Domain.Tiers.ValueTier.Gold, offer.MinimumTier);
        Assert.Equal(["ES", "MX"], offer.Countries.Select(c => c.Value));
    }
}

public sealed class PostgresOfferModelTests(PostgresTrainedOfferHistory trained) : OfferModelTests(trained), IClassFixture<PostgresTrainedOfferHistory>;
