using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Kpis;
using ChatCrm.Domain.Offers;
using ChatCrm.Domain.Orders;
using ChatCrm.Domain.Satisfaction;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Kpis;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Tiers;
using ChatCrm.Testing;

namespace ChatCrm.Infrastructure.Tests.Kpis;

public sealed class SqliteCustomerBaseKpiTests : CustomerBaseKpiTests
{
    protected override Task<CrmTestDatabase> CreateDatabaseAsync() => Task.FromResult<CrmTestDatabase>(SqliteTestDatabase.TempFile());
}

public sealed class PostgresCustomerBaseKpiTests : CustomerBaseKpiTests
{
    protected override async Task<CrmTestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync("basekpis");
}

/// <summary>
/// The seeds' KPIs (docs/kpis.md) on real engines against a small dataset computed by hand. The period is the week
/// ending <see cref="Now"/> (Since = Now − 7 days). Ana and Bruno report to Marta; Olga reports to nobody, so her
/// customer Otto, and Fabio (erased), must never count. USD converts at 0.5 to EUR.
/// <code>
/// Customer  owner  created   contacts       orders
/// Alma      Ana    long ago  call −10 d     1,000 EUR −2 mo · 400 EUR −18 mo
/// Berta     Ana    long ago  —              600 EUR −100 d · 200 EUR −14 mo
/// Celia     Bruno  long ago  —              2,000 USD (= 1,000 EUR) −30 d
/// Dario     Bruno  long ago  —              800 EUR −20 mo
/// Elena     Ana    −3 d      call −1 d      —
/// Fabio     Bruno  long ago  (erased)       5,000 EUR −1 mo
/// Otto      Olga   long ago  call −1 d      9,000 EUR −1 mo
/// </code>
/// </summary>
public abstract class CustomerBaseKpiTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LongAgo = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly User _marta = new(UserId.New(), "Marta Manager", UserRole.Manager, "Iberia", "Europe/Madrid", "es-ES");
    private readonly User _ana = new(UserId.New(), "Ana Rep", UserRole.SalesRep, "Iberia", "Europe/Madrid", "es-ES");
    private readonly User _bruno = new(UserId.New(), "Bruno Rep", UserRole.SalesRep, "Iberia", "Europe/Madrid", "es-ES");
    private readonly User _olga = new(UserId.New(), "Olga Elsewhere", UserRole.SalesRep, "Nordics", "Europe/Oslo", "en-GB");
    private CrmTestDatabase? _database;
    private int _hashes;

    protected abstract Task<CrmTestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        _database = await (await CreateDatabaseAsync()).MigrateAsync();
        await using var db = _database.CreateContext();
        await ArrangeAsync(db);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }

    [Fact]
    public async Task ComputeAsync_KnownWeek_EverySeedKpiIsTheHandComputedOne()
    {
        var kpis = await ComputeAsync(_marta.Id);
        var figures = kpis.CustomerBase!;

        // Total: Alma, Berta, Celia, Dario, Elena (Fabio is erased, Otto is Olga's) = 5.
        // Active (contact or order in [Now − 90 d, Now)): Alma (call −10 d, order −2 mo), Celia (order −30 d), Elena (call −1 d) = 3;
        // Berta's last order is 100 days old and Dario's 20 months.
        Assert.Equal(new CustomerCounts(5, 3), figures.Customers);
        // New in [Now − 7 d, Now): Elena.
        Assert.Equal(1, kpis.NewCustomers.Count);

        // Value, last 12 months: Alma 1,000 + Berta 600 + Celia 1,000 (2,000 USD × 0.5) = 2,600 EUR over 3 active = 866.67.
        // At the period's start (Since): active in [Since − 90 d, Since) and created before Since: Alma (call at Since − 3 d),
        // Celia (order at Since − 23 d) = 2; value in [Since − 12 mo, Since): the same 2,600 EUR → 1,300.00.
        // Trend: (866.67 − 1,300) / 1,300 = −0.33333… → −0.3333.
        Assert.Equal(new ValuePerCustomer(2_600m, 3, 2_600m, 2, "EUR"), figures.Value);
        Assert.Equal(866.67m, figures.Value.Current);
        Assert.Equal(1_300m, figures.Value.Previous);
        Assert.Equal(-0.3333m, figures.Value.Trend);

        // Retention: value in [Now − 24 mo, Now − 12 mo): Alma (−18 mo), Berta (−14 mo), Dario (−20 mo) = 3;
        // of them with value in the last 12 months: Alma, Berta = 2 → 2 / 3 = 0.6667.
        Assert.Equal(new Retention(3, 2), figures.Retention);
        Assert.Equal(0.6667m, figures.Retention.Rate);

        // CSAT: surveys e-mailed in the week about the team's customers' cases: Alma 5, Celia 2, Elena (no answer), Alma 4 = 4 sent;
        // Celia's 1 was sent 10 days ago, Otto's is another team's, and the one not sent (no consent) was never sent.
        // Answered 3; average (5 + 2 + 4) / 3 = 3.67; 4–5: 2 of 3 = 0.6667; response 3 / 4 = 0.75.
        Assert.Equal(new SatisfactionScores(4, 3, 11, 2), figures.Satisfaction);
        Assert.Equal(3.67m, figures.Satisfaction.Average);
        Assert.Equal(0.6667m, figures.Satisfaction.SatisfiedShare);
        Assert.Equal(0.75m, figures.Satisfaction.ResponseRate);

        // Offers presented to Ana and Bruno in the week: accepted, declined, unanswered = 3; answered 2 → 0.6667
        // (Ana's answered one 20 days ago and Olga's do not count).
        Assert.Equal(new OfferResponses(3, 2, 1), kpis.Offers);
        Assert.Equal(0.6667m, kpis.Offers.ResponseRate);
    }

    [Fact]
    public async Task ComputeAsync_ManagerWithoutReports_CountsZeroAndGivesNoRatios()
    {
        var kpis = await ComputeAsync(_olga.Id);
        var figures = kpis.CustomerBase!;

        Assert.Equal(new CustomerCounts(0, 0), figures.Customers);
        Assert.Null(figures.Value.Current);
        Assert.Null(figures.Value.Trend);
        Assert.Null(figures.Retention.Rate);
        Assert.Null(figures.Satisfaction.Average);
        Assert.Null(figures.Satisfaction.ResponseRate);
        Assert.Null(kpis.Offers.ResponseRate);
    }

    private async Task<TeamKpis> ComputeAsync(UserId manager)
    {
        await using var db = _database!.CreateContext();
        var query = new TeamKpiQuery(db, Microsoft.Extensions.Options.Options.Create(new TierOptions { ReportingCurrency = "EUR", ExchangeRates = { ["USD"] = 0.5m } }));
        return await query.ComputeAsync(manager, KpiPeriod.Ending(Now, KpiSpan.Week), DateOnly.FromDateTime(Now.UtcDateTime), KpiThresholds.Default, CancellationToken.None);
    }

    private async Task ArrangeAsync(CrmDbContext db)
    {
        _ana.ReportTo(_marta.Id);
        _bruno.ReportTo(_marta.Id);
        db.Users.AddRange(_marta, _ana, _bruno, _olga);

        var alma = Customer("Alma", _ana);
        var berta = Customer("Berta", _ana);
        var celia = Customer("Celia", _bruno);
        var dario = Customer("Dario", _bruno);
        var elena = Customer("Elena", _ana, Now.AddDays(-3));
        var fabio = Customer("Fabio", _bruno);
        fabio.Erase(Now.AddDays(-5));
        var otto = Customer("Otto", _olga);
        db.Customers.AddRange(alma, berta, celia, dario, elena, fabio, otto);

        db.Interactions.AddRange(Call(alma, _ana, Now.AddDays(-10)), Call(elena, _ana, Now.AddDays(-1)), Call(otto, _olga, Now.AddDays(-1)));
        db.Orders.AddRange(
            Order.Place(alma.Id, "SW-CRM", 1_000m, "EUR", Now.AddMonths(-2)),
            Order.Place(alma.Id, "SW-CRM", 400m, "EUR", Now.AddMonths(-18)),
            Order.Place(berta.Id, "SW-CRM", 600m, "EUR", Now.AddDays(-100)),
            Order.Place(berta.Id, "SW-CRM", 200m, "EUR", Now.AddMonths(-14)),
            Order.Place(celia.Id, "SW-CRM", 2_000m, "USD", Now.AddDays(-30)),
            Order.Place(dario.Id, "SW-CRM", 800m, "EUR", Now.AddMonths(-20)),
            Order.Place(fabio.Id, "SW-CRM", 5_000m, "EUR", Now.AddMonths(-1)),
            Order.Place(otto.Id, "SW-CRM", 9_000m, "EUR", Now.AddMonths(-1)));

        Survey(db, alma, _ana, sentDaysAgo: 5, score: 5);
        Survey(db, celia, _bruno, sentDaysAgo: 4, score: 2);
        Survey(db, elena, _ana, sentDaysAgo: 2, score: null);
        Survey(db, alma, _ana, sentDaysAgo: 3, score: 4);
        Survey(db, celia, _bruno, sentDaysAgo: 10, score: 1);
        Survey(db, otto, _olga, sentDaysAgo: 1, score: 1);
        Survey(db, elena, _ana, sentDaysAgo: null, score: null);

        var offer = new Offer(OfferId.New(), "UPSELL", "Upsell", "software", ConsentPurpose.Marketing, "A pitch.");
        db.Offers.Add(offer);
        db.OfferPresentations.AddRange(
            Presented(offer, alma, _ana, Now.AddDays(-1), OfferResponse.Accepted),
            Presented(offer, berta, _ana, Now.AddDays(-2), OfferResponse.Declined),
            Presented(offer, celia, _bruno, Now.AddDays(-3), null),
            Presented(offer, alma, _ana, Now.AddDays(-20), OfferResponse.Accepted),
            Presented(offer, otto, _olga, Now.AddDays(-1), OfferResponse.Accepted));
        await db.SaveChangesAsync();
    }

    /// <summary>A resolved case of the customer and its survey: sent <paramref name="sentDaysAgo"/> days ago (null: not sent, no consent), answered when scored.</summary>
    private void Survey(CrmDbContext db, Customer customer, User agent, int? sentDaysAgo, int? score)
    {
        var resolvedAt = Now.AddDays(-(sentDaysAgo ?? 1) - 1);
        var supportCase = SupportCase.Open(customer.Id, "Problem", null, CasePriority.Normal, null, agent.Id, "Support", resolvedAt.AddHours(-5), SlaTable.Default);
        supportCase.Resolve("Fixed", agent.Id, resolvedAt);
        var resolution = supportCase.History.Single(h => h.Change == CaseChange.StatusChanged && h.To == nameof(CaseStatus.Resolved));
        var survey = SatisfactionSurvey.Queue(supportCase.Id, customer.Id, resolution.Sequence, agent.Id, resolvedAt);
        if (sentDaysAgo is { } days)
        {
            var sentAt = Now.AddDays(-days);
            survey.Issue($"hash-{++_hashes}", sentAt, TimeSpan.FromDays(14));
            survey.MarkSent(sentAt);
            if (score is { } given)
                survey.Answer(new SatisfactionAnswer(given, null), sentAt.AddHours(1));
        }
        else
        {
            survey.MarkNotSent(SurveyNotSentReason.NoConsent);
        }
        db.SupportCases.Add(supportCase);
        db.SatisfactionSurveys.Add(survey);
    }

    private static Customer Customer(string name, User owner, DateTimeOffset? createdAt = null)
    {
        var customer = new Customer(CustomerId.New(), name, null, CountryCode.Parse("ES"), LanguageCode.Spanish, createdAt ?? LongAgo);
        customer.AssignOwner(owner.Id);
        return customer;
    }

    private static Interaction Call(Customer customer, User by, DateTimeOffset at) =>
        Interaction.Log(customer.Id, by.Id, at, at, InteractionChannel.Phone, InteractionKind.Call, "Talked", null, null);

    private static OfferPresentation Presented(Offer offer, Customer customer, User to, DateTimeOffset at, OfferResponse? response)
    {
        var presentation = new OfferPresentation(OfferPresentationId.New(), customer.Id, offer.Id, to.Id, at, "Teams", ContactChannel.Email, OfferRankingSource.Rules, null);
        if (response is { } answer)
            presentation.Answer(answer, to.Id, at.AddMinutes(5));
        return presentation;
    }
}
