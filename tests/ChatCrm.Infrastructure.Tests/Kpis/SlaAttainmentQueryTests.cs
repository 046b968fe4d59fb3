using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Kpis;
using ChatCrm.Domain.Tiers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Kpis;
using ChatCrm.Testing;

namespace ChatCrm.Infrastructure.Tests.Kpis;

public sealed class SqliteSlaAttainmentQueryTests : SlaAttainmentQueryTests
{
    protected override Task<CrmTestDatabase> CreateDatabaseAsync() => Task.FromResult<CrmTestDatabase>(SqliteTestDatabase.TempFile());
}

public sealed class PostgresSlaAttainmentQueryTests : SlaAttainmentQueryTests
{
    protected override async Task<CrmTestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync("sla_kpis");
}

/// <summary>
/// SLA attainment against a hand-computed fixture: the week from Monday 7 December 2026, Madrid office hours (Mon-Fri
/// 09:00-17:00), Gold × Normal cases (4 business hours to the first response, 36 to resolve).
/// <list type="bullet">
/// <item>A: answered after 2 h (met), still waiting on the customer — first response only;</item>
/// <item>B: answered after 6 h (missed), resumed, resolved after 37 business hours (missed);</item>
/// <item>C: opened the Friday before at 16:00 local, resolved Monday 12:00 local with no answer before: 4 business hours
/// for both (met; on the wall clock it took 68 h);</item>
/// <item>D: opened in the week, not answered — not counted; E: another manager's team — not counted.</item>
/// </list>
/// First responses 2 of 3, resolutions 1 of 2.
/// </summary>
public abstract class SlaAttainmentQueryTests : IAsyncLifetime
{
    private static readonly KpiPeriod Week = new(Utc(7, 0), Utc(14, 0));

    private static readonly SlaCalendars Calendars = BusinessCalendarSettings.Read(new Dictionary<string, CalendarSetting>
    {
        ["Default"] = new("Europe/Madrid", "Mon-Fri", "09:00-17:00", null),
    }).Calendars!;

    private readonly User _manager = new(UserId.New(), "Marta Manager", UserRole.Manager, "Soporte", "Europe/Madrid", "es-ES");
    private readonly User _rep = new(UserId.New(), "Ana Rep", UserRole.SalesRep, "Ventas", "Europe/Madrid", "es-ES");
    private readonly User _other = new(UserId.New(), "Olga Elsewhere", UserRole.SalesRep, "Nordics", "Europe/Oslo", "en-GB");
    private CrmTestDatabase? _database;

    protected abstract Task<CrmTestDatabase> CreateDatabaseAsync();

    private static DateTimeOffset Utc(int day, int hour) => new(2026, 12, day, hour, 0, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        _database = await (await CreateDatabaseAsync()).MigrateAsync();
        await using var db = _database.CreateContext();
        _rep.ReportTo(_manager.Id);
        db.Users.AddRange(_manager, _rep, _other);
        var ours = Customer(_rep);
        var theirs = Customer(_other);
        db.Customers.AddRange(ours, theirs);

        var a = Open(ours, Utc(7, 8));
        a.ChangeStatus(CaseStatus.WaitingOnCustomer, _rep.Id, Utc(7, 10));
        var b = Open(ours, Utc(7, 8));
        b.ChangeStatus(CaseStatus.WaitingOnCustomer, _rep.Id, Utc(7, 14));
        b.ChangeStatus(CaseStatus.InProgress, _rep.Id, Utc(8, 8));
        b.Resolve("Refund sent", _rep.Id, Utc(11, 15));
        var c = Open(ours, Utc(4, 15));
        c.Resolve("Password reset", _rep.Id, Utc(7, 11));
        var d = Open(ours, Utc(9, 8));
        var e = Open(theirs, Utc(7, 8));
        e.Resolve("Done", _other.Id, Utc(7, 9));
        db.SupportCases.AddRange(a, b, c, d, e);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }

    [Fact]
    public async Task Compute_HandComputedWeek_CountsBusinessHoursAndTheTeamOnly()
    {
        await using var db = _database!.CreateContext();

        var attainment = await new SlaAttainmentQuery(db, SlaTable.Default, Calendars).ComputeAsync(_manager.Id, Week, CancellationToken.None);

        Assert.Equal(new SlaAttainment(FirstResponseMet: 2, FirstResponses: 3, ResolutionMet: 1, Resolutions: 2), attainment);
        Assert.Equal(0.5m, attainment.ResolutionRate);
    }

    [Fact]
    public async Task Compute_WallClockCalendar_MissesTheWeekendCase()
    {
        await using var db = _database!.CreateContext();

        var attainment = await new SlaAttainmentQuery(db, SlaTable.Default, SlaCalendars.AlwaysOpen).ComputeAsync(_manager.Id, Week, CancellationToken.None);

        // Round the clock, C took 68 h: both its targets missed; A's 2 h and B's 6 h are the same on either clock.
        Assert.Equal((1, 3), (attainment.FirstResponseMet, attainment.FirstResponses));
        Assert.Equal((0, 2), (attainment.ResolutionMet, attainment.Resolutions));
    }

    private static Customer Customer(User owner)
    {
        var customer = new Customer(CustomerId.New(), $"Customer of {owner.DisplayName}", null, CountryCode.Parse("ES"), LanguageCode.Spanish, Utc(1, 0).AddYears(-1));
        customer.AssignOwner(owner.Id);
        return customer;
    }

    private SupportCase Open(Customer customer, DateTimeOffset at) =>
        SupportCase.Open(customer.Id, "Card blocked", null, CasePriority.Normal, ValueTier.Gold, _rep.Id, "Soporte", at, SlaTable.Default);
}
