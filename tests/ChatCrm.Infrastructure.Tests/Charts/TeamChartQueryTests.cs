using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Kpis;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Charts;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Testing;

namespace ChatCrm.Infrastructure.Tests.Charts;

public sealed class SqliteTeamChartQueryTests : TeamChartQueryTests
{
    protected override Task<CrmTestDatabase> CreateDatabaseAsync() => Task.FromResult<CrmTestDatabase>(SqliteTestDatabase.TempFile());
}

public sealed class PostgresTeamChartQueryTests : TeamChartQueryTests
{
    protected override async Task<CrmTestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync("charts");
}

/// <summary>
/// The chart figures on real engines against a hand-counted team: two reps of the manager and one rep of nobody, whose
/// interactions must never count, logged on each side of every week boundary.
/// </summary>
public abstract class TeamChartQueryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Until = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly KpiPeriod Week = new(Until.AddDays(-7), Until);

    private readonly User _manager = new(UserId.New(), "Marta Manager", UserRole.Manager, "Iberia", "Europe/Madrid", "es-ES");
    private readonly User _ana = new(UserId.New(), "Ana Rep", UserRole.SalesRep, "Iberia", "Europe/Madrid", "es-ES");
    private readonly User _bruno = new(UserId.New(), "Bruno Rep", UserRole.SalesRep, "Iberia", "Europe/Madrid", "es-ES");
    private readonly User _olga = new(UserId.New(), "Olga Elsewhere", UserRole.SalesRep, "Nordics", "Europe/Oslo", "en-GB");
    private CrmTestDatabase? _database;

    protected abstract Task<CrmTestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        _database = await (await CreateDatabaseAsync()).MigrateAsync();
        await using var db = _database.CreateContext();
        _ana.ReportTo(_manager.Id);
        _bruno.ReportTo(_manager.Id);
        db.Users.AddRange(_manager, _ana, _bruno, _olga);
        var alba = Customer("Alba", _ana);
        var ciro = Customer("Ciro", _bruno);
        var fede = Customer("Fede", _olga);
        db.Customers.AddRange(alba, ciro, fede);
        db.Interactions.AddRange(
            // The last week (the period): Ana 2 (phone, meeting), Bruno 1 (phone); the first moment counts, the end does not.
            Log(alba, _ana, Week.Since, InteractionChannel.Phone),
            Log(alba, _ana, Until.AddHours(-1), InteractionChannel.Meeting),
            Log(ciro, _bruno, Until.AddDays(-3), InteractionChannel.Phone),
            Log(ciro, _bruno, Until, InteractionChannel.Phone),
            // The week before: 1 (Ana, a millisecond before the period starts); three weeks back: 2.
            Log(alba, _ana, Week.Since.AddMilliseconds(-1), InteractionChannel.Email),
            Log(ciro, _bruno, Until.AddDays(-15), InteractionChannel.Visit),
            Log(alba, _ana, Until.AddDays(-20), InteractionChannel.Email),
            // Olga reports to nobody: never counted.
            Log(fede, _olga, Until.AddHours(-2), InteractionChannel.Phone),
            Log(fede, _olga, Until.AddDays(-10), InteractionChannel.Phone));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }

    [Fact]
    public async Task ComputeAsync_KnownTeam_CountsTheTeamsInteractionsByWeekRepAndChannel()
    {
        await using var db = _database!.CreateContext();

        var data = await new TeamChartQuery(db).ComputeAsync(_manager.Id, Week, 4, CancellationToken.None);

        Assert.Equal([0, 2, 1, 3], data.Weeks.Select(w => w.Interactions));
        Assert.Equal([Until.AddDays(-28), Until.AddDays(-21), Until.AddDays(-14), Until.AddDays(-7)], data.Weeks.Select(w => w.Since));
        Assert.Equal([("Ana Rep", 2), ("Bruno Rep", 1)], data.ByRep.Select(r => (r.RepName, r.Interactions)));
        Assert.Equal([(InteractionChannel.Phone, 2), (InteractionChannel.Meeting, 1)], data.ByChannel.Select(c => (c.Key, c.Value)));
        Assert.Equal(3, data.PeriodTotal);
        Assert.False(data.NoTeam);
    }

    [Fact]
    public async Task ComputeAsync_ManagerOfNobody_HasNoTeamAndNoFigures()
    {
        await using var db = _database!.CreateContext();

        var data = await new TeamChartQuery(db).ComputeAsync(_olga.Id, Week, 2, CancellationToken.None);

        Assert.True(data.NoTeam);
        Assert.Equal([0, 0], data.Weeks.Select(w => w.Interactions));
        Assert.Empty(data.ByChannel);
    }

    private static Customer Customer(string name, User owner)
    {
        var customer = new Customer(CustomerId.New(), name, null, CountryCode.Parse("ES"), LanguageCode.Spanish, Until.AddYears(-2));
        customer.AssignOwner(owner.Id);
        return customer;
    }

    private static Interaction Log(Customer customer, User by, DateTimeOffset at, InteractionChannel channel) =>
        Interaction.Log(customer.Id, by.Id, at, at, channel, InteractionKind.Call, "Talked", null, null);
}
