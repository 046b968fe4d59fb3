using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Kpis;
using ChatCrm.Domain.Offers;
using ChatCrm.Domain.Orders;
using ChatCrm.Domain.Tiers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Kpis;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Tiers;
using ChatCrm.Testing;

namespace ChatCrm.Infrastructure.Tests.Kpis;

public sealed class SqliteTeamKpiQueryTests : TeamKpiQueryTests
{
    protected override Task<CrmTestDatabase> CreateDatabaseAsync() => Task.FromResult<CrmTestDatabase>(SqliteTestDatabase.TempFile());
}

public sealed class PostgresTeamKpiQueryTests : TeamKpiQueryTests
{
    protected override async Task<CrmTestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync("kpis");
}

/// <summary>
/// The KPI layer on real engines with a small team whose every number is known: two reps of the manager, one rep of
/// nobody (whose work must never count), and one customer, case, order or offer on each side of every line.
/// </summary>
public abstract class TeamKpiQueryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly DateTimeOffset LongAgo = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly User _manager = new(UserId.New(), "Marta Manager", UserRole.Manager, "Iberia", "Europe/Madrid", "es-ES");
    private readonly User _ana = new(UserId.New(), "Ana Rep", UserRole.SalesRep, "Iberia", "Europe/Madrid", "es-ES");
    private readonly User _bruno = new(UserId.New(), "Bruno Rep", UserRole.SalesRep, "Iberia", "Europe/Madrid", "es-ES");
    private readonly User _olga = new(UserId.New(), "Olga Elsewhere", UserRole.SalesRep, "Nordics", "Europe/Oslo", "en-GB");
    private CrmTestDatabase? _database;
    private Customer _alba = null!, _ciro = null!, _dora = null!, _eva = null!, _gil = null!;

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
    public async Task ComputeAsync_KnownTeamWeek_EveryNumberIsTheTeams()
    {
        var kpis = await ComputeAsync(KpiSpan.Week);

        Assert.Equal(3, kpis.Interactions);
        var ana = Assert.Single(kpis.Activity, a => a.RepName == "Ana Rep");
        Assert.Equal(1, ana.ByChannel[InteractionChannel.Phone]);
        Assert.Equal(1, ana.ByChannel[InteractionChannel.Meeting]);
        var bruno = Assert.Single(kpis.Activity, a => a.RepName == "Bruno Rep");
        Assert.Equal(1, Assert.Single(bruno.ByChannel).Value);
        Assert.Equal(2, kpis.Activity.Count);

        var overdue = Assert.Single(kpis.Overdue.Lines);
        Assert.Equal(1, kpis.Overdue.Count);
        Assert.Equal((_alba.Id, 3, "Ana Rep"), (overdue.CustomerId, overdue.DaysOverdue, overdue.OwnerName));

        Assert.Equal(4, kpis.AtRisk.Count);
        Assert.Contains(kpis.AtRisk.Lines, r => r.CustomerId == _ciro.Id && r.Kind == RiskKind.NoContact && r.Reason.English == "never contacted");
        Assert.Contains(kpis.AtRisk.Lines, r => r.CustomerId == _dora.Id && r.Kind == RiskKind.NoContact);
        var falling = Assert.Single(kpis.AtRisk.Lines, r => r.Kind == RiskKind.FallingValue);
        Assert.Equal(_dora.Id, falling.CustomerId);
        Assert.Equal("12-month value down 50% (10,000 EUR → 5,000 EUR)", falling.Reason.English);
        var drop = Assert.Single(kpis.AtRisk.Lines, r => r.Kind == RiskKind.TierDrop);
        Assert.Equal((_eva.Id, ValueTier.Gold), (drop.CustomerId, drop.Tier));

        Assert.Equal((1, 1), (kpis.Cases.Near, kpis.Cases.Past));
        Assert.Equal(CaseSlaWatch.Past, kpis.Cases.Lines[0].Watch);
        Assert.Equal(_ciro.Id, kpis.Cases.Lines[0].CustomerId);
        Assert.Equal("past its SLA by 3 h", kpis.Cases.Lines[0].Reason.English);
        Assert.Equal(_gil.Id, kpis.Cases.Lines[1].CustomerId);
        Assert.Equal("83% of its SLA used, 4 h left", kpis.Cases.Lines[1].Reason.English);

        Assert.Equal(new OfferResponses(4, 3, 2), kpis.Offers);
        Assert.Equal(0.6667m, kpis.Offers.AcceptanceRate);

        var created = Assert.Single(kpis.NewCustomers.Lines);
        Assert.Equal((1, _gil.Id, "Ana Rep"), (kpis.NewCustomers.Count, created.CustomerId, created.OwnerName));
    }

    [Fact]
    public async Task ComputeAsync_Month_CountsTheLongerPeriod()
    {
        var kpis = await ComputeAsync(KpiSpan.Month);

        Assert.Equal(4, kpis.Interactions); // Ana's older call on Blas, 20 days ago, now counts
        Assert.Equal(2, kpis.NewCustomers.Count); // Iris, created 10 days ago
        Assert.Equal(new OfferResponses(5, 4, 3), kpis.Offers);
    }

    [Fact]
    public async Task ComputeAsync_OneLinePerSection_CountsStillCoverEverything()
    {
        await using var db = _database!.CreateContext();
        var kpis = await Query(db).ComputeAsync(_manager.Id, KpiPeriod.Ending(Now, KpiSpan.Week), Today, new KpiThresholds(LinesPerSection: 1), CancellationToken.None);

        Assert.Equal((4, 1, 3), (kpis.AtRisk.Count, kpis.AtRisk.Lines.Count, kpis.AtRisk.NotShown));
        Assert.Equal((2, 1), (kpis.Cases.Count, kpis.Cases.Lines.Count));
        Assert.Equal(CaseSlaWatch.Past, Assert.Single(kpis.Cases.Lines).Watch);
    }

    [Fact]
    public async Task ComputeAsync_ManagerWithoutReports_IsAllZeros()
    {
        await using var db = _database!.CreateContext();
        var kpis = await Query(db).ComputeAsync(_olga.Id, KpiPeriod.Ending(Now, KpiSpan.Week), Today, KpiThresholds.Default, CancellationToken.None);

        Assert.Empty(kpis.Activity);
        Assert.Equal((0, 0, 0, 0, 0), (kpis.Overdue.Count, kpis.AtRisk.Count, kpis.Cases.Count, kpis.NewCustomers.Count, kpis.Offers.Presented));
        Assert.Null(kpis.Offers.AcceptanceRate);
    }

    private async Task<TeamKpis> ComputeAsync(KpiSpan span)
    {
        await using var db = _database!.CreateContext();
        return await Query(db).ComputeAsync(_manager.Id, KpiPeriod.Ending(Now, span), Today, KpiThresholds.Default, CancellationToken.None);
    }

    private static TeamKpiQuery Query(CrmDbContext db) =>
        new(db, Microsoft.Extensions.Options.Options.Create(new TierOptions { ReportingCurrency = "EUR", ExchangeRates = { ["USD"] = 0.5m } }));

    private async Task ArrangeAsync(CrmDbContext db)
    {
        _ana.ReportTo(_manager.Id);
        _bruno.ReportTo(_manager.Id);
        db.Users.AddRange(_manager, _ana, _bruno, _olga);

        _alba = Customer("Alba", _ana);
        var blas = Customer("Blas", _ana);
        _ciro = Customer("Ciro", _bruno);
        _dora = Customer("Dora", _bruno);
        _eva = Customer("Eva", _ana);
        var fede = Customer("Fede", _olga);
        _gil = Customer("Gil", _ana, Now.AddDays(-2));
        var hugo = Customer("Hugo", _olga, Now.AddDays(-1));
        var iris = Customer("Iris", _bruno, Now.AddDays(-10));
        db.Customers.AddRange(_alba, blas, _ciro, _dora, _eva, fede, _gil, hugo, iris);

        db.Interactions.AddRange(
            Log(_alba, _ana, Now.AddDays(-4), InteractionChannel.Phone, Today.AddDays(-3)),
            Log(blas, _ana, Now.AddDays(-20), InteractionChannel.Phone, new DateOnly(2026, 6, 1)),
            Log(blas, _bruno, Now.AddDays(-1), InteractionChannel.Email, null),
            Log(_dora, _bruno, Now.AddDays(-40), InteractionChannel.Phone, null),
            Log(_eva, _ana, Now.AddDays(-3), InteractionChannel.Meeting, null),
            Log(fede, _olga, Now.AddDays(-1), InteractionChannel.Phone, Today.AddDays(-1)));

        db.CustomerValues.AddRange(
            Value(_ciro, ValueTier.Platinum), Value(_dora, ValueTier.Gold), Value(_eva, ValueTier.Gold), Value(fede, ValueTier.Gold));
        db.TierChanges.AddRange(
            TierChange.Detect(_eva.Id, ValueTier.Platinum, ValueTier.Gold, Now.AddDays(-1), 1800m, "EUR")!,
            TierChange.Detect(blas.Id, ValueTier.Silver, ValueTier.Bronze, Now.AddDays(-1), 10m, "EUR")!);
        db.Orders.AddRange(
            Order.Place(_dora.Id, "SW-CRM", 6_000m, "EUR", Now.AddMonths(-18)),
            Order.Place(_dora.Id, "SW-CRM", 8_000m, "USD", Now.AddMonths(-15)),
            Order.Place(_dora.Id, "SW-CRM", 5_000m, "EUR", Now.AddMonths(-2)),
            Order.Place(_dora.Id, "SW-CRM", 9_999m, "JPY", Now.AddMonths(-30)),
            Order.Place(_eva.Id, "SW-CRM", 1_000m, "EUR", Now.AddMonths(-13)),
            Order.Place(_eva.Id, "SW-CRM", 900m, "EUR", Now.AddMonths(-1)));

        var sla = SlaTable.Default;
        var fine = SupportCase.Open(_alba.Id, "Invoice copy", null, CasePriority.Normal, ValueTier.Bronze, _ana.Id, "Support", Now.AddHours(-30), sla);
        var near = SupportCase.Open(_gil.Id, "Cannot log in", null, CasePriority.High, ValueTier.Bronze, _ana.Id, "Support", Now.AddHours(-20), sla);
        var past = SupportCase.Open(_ciro.Id, "Outage", null, CasePriority.Urgent, ValueTier.Platinum, _bruno.Id, "Support", Now.AddHours(-5), sla);
        var resolvedLate = SupportCase.Open(_ciro.Id, "Old outage", null, CasePriority.Urgent, ValueTier.Platinum, _bruno.Id, "Support", Now.AddDays(-3), sla);
        resolvedLate.Resolve("Fixed", _bruno.Id, Now.AddDays(-2));
        var elsewhere = SupportCase.Open(fede.Id, "Outage", null, CasePriority.Urgent, ValueTier.Gold, _olga.Id, "Support", Now.AddDays(-1), sla);
        db.SupportCases.AddRange(fine, near, past, resolvedLate, elsewhere);

        var offer = new Offer(OfferId.New(), "UPSELL", "Upsell", "software", ConsentPurpose.Marketing, "A pitch.");
        db.Offers.Add(offer);
        db.OfferPresentations.AddRange(
            Presented(offer, _alba, _ana, Now.AddDays(-1), OfferResponse.Accepted),
            Presented(offer, _eva, _ana, Now.AddDays(-2), OfferResponse.Accepted),
            Presented(offer, blas, _ana, Now.AddDays(-3), OfferResponse.Declined),
            Presented(offer, _gil, _ana, Now.AddDays(-1), null),
            Presented(offer, _alba, _ana, Now.AddDays(-20), OfferResponse.Accepted),
            Presented(offer, fede, _olga, Now.AddDays(-1), OfferResponse.Accepted));
        await db.SaveChangesAsync();
    }

    private static Customer Customer(string name, User owner, DateTimeOffset? createdAt = null)
    {
        var customer = new Customer(CustomerId.New(), name, null, CountryCode.Parse("ES"), LanguageCode.Spanish, createdAt ?? LongAgo);
        customer.AssignOwner(owner.Id);
        return customer;
    }

    private static Interaction Log(Customer customer, User by, DateTimeOffset at, InteractionChannel channel, DateOnly? followUp) =>
        Interaction.Log(customer.Id, by.Id, at, at, channel, InteractionKind.Call, "Talked", null, followUp);

    private static CustomerValue Value(Customer customer, ValueTier tier) =>
        new(new CustomerFigures(customer.Id, 1000m, 1, Now.AddDays(-60), 0), tier, "EUR", Now);

    private static OfferPresentation Presented(Offer offer, Customer customer, User to, DateTimeOffset at, OfferResponse? response)
    {
        var presentation = new OfferPresentation(OfferPresentationId.New(), customer.Id, offer.Id, to.Id, at, "Teams", ContactChannel.Email, OfferRankingSource.Rules, null);
        if (response is { } answer)
            presentation.Answer(answer, to.Id, at.AddMinutes(5));
        return presentation;
    }
}
