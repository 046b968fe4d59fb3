using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Tiers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Cases;
using ChatCrm.Infrastructure.Persistence.Inbox;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Infrastructure.Tests.Cases;

public sealed class SqliteSlaAlertScanTests : SlaAlertScanTests
{
    protected override Task<CrmTestDatabase> CreateDatabaseAsync() => Task.FromResult<CrmTestDatabase>(SqliteTestDatabase.TempFile());
}

public sealed class PostgresSlaAlertScanTests : SlaAlertScanTests
{
    protected override async Task<CrmTestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync("sla_alerts");
}

/// <summary>
/// The alert scan on real engines: a Gold × Normal case (4 business hours to the first response) opened Monday 7
/// December 2026 at 09:00 in Madrid, whose work group follows Madrid's office hours. Each alert is one row and its pushes
/// are inbox items stored with it; a scan again, or two scans side by side, raise nothing twice.
/// </summary>
public abstract class SlaAlertScanTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Opened = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private static readonly SlaCalendars Calendars = BusinessCalendarSettings.Read(new Dictionary<string, CalendarSetting>
    {
        ["Billing"] = new("Europe/Madrid", "Mon-Fri", "09:00-17:00", null),
    }).Calendars!;

    private readonly User _manager = new(UserId.New(), "Marta Manager", UserRole.Manager, "Billing", "Europe/Madrid", "es-ES");
    private readonly User _agent = new(UserId.New(), "Ana Agent", UserRole.SupportAgent, "Billing", "Europe/Madrid", "es-ES");
    private readonly FakeTimeProvider _clock = TestClock.Create(Opened);
    private CrmTestDatabase? _database;
    private SupportCase _case = null!;

    protected abstract Task<CrmTestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        _database = await (await CreateDatabaseAsync()).MigrateAsync();
        await using var db = _database.CreateContext();
        _agent.ReportTo(_manager.Id);
        db.Users.AddRange(_manager, _agent);
        var customer = new Customer(CustomerId.New(), "Elena Ortega", "Ortega Asesores", CountryCode.Parse("ES"), LanguageCode.Spanish, Opened.AddYears(-1));
        db.Customers.Add(customer);
        _case = SupportCase.Open(customer.Id, "Invoice shows the wrong VAT", null, CasePriority.Normal, ValueTier.Gold, _agent.Id, "Billing", Opened, SlaTable.Default);
        db.SupportCases.Add(_case);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }

    [Fact]
    public async Task Run_AtThreeQuartersOfTheFirstResponseTarget_RaisesOneWarningToTheAssignee()
    {
        _clock.SetUtcNow(Opened.AddHours(2)); // half the target: nothing yet
        Assert.Equal(0, await ScanAsync());
        _clock.SetUtcNow(Opened.AddHours(3)); // 12:00 in Madrid: three of four hours used

        Assert.Equal(1, await ScanAsync());
        Assert.Equal(0, await ScanAsync()); // the scan again (the next minute, or after a restart) finds it raised

        var alert = Assert.Single(await AlertsAsync());
        Assert.Equal((SlaTarget.FirstResponse, SlaThreshold.Warning), (alert.Target, alert.Threshold));
        var push = Assert.Single(await PushesAsync());
        Assert.Equal((SlaAlertRecipient.Assignee, _agent.Id.Value, SlaThreshold.Warning), (push.Recipient, push.RecipientId, push.Threshold));
    }

    [Fact]
    public async Task Run_AtBreach_PushesToTheAssigneeAndTheirManagerOnce()
    {
        _clock.SetUtcNow(Opened.AddHours(3));
        await ScanAsync();
        _clock.SetUtcNow(Opened.AddHours(4)); // 13:00 in Madrid: the first response is overdue

        Assert.Equal(1, await ScanAsync());
        Assert.Equal(0, await ScanAsync());

        Assert.Equal(2, (await AlertsAsync()).Count);
        var breach = (await PushesAsync()).Where(p => p.Threshold == SlaThreshold.Breach).OrderBy(p => p.Recipient).ToList();
        Assert.Equal([(SlaAlertRecipient.Assignee, _agent.Id.Value), (SlaAlertRecipient.Manager, _manager.Id.Value)],
            breach.Select(p => (p.Recipient, p.RecipientId)));
    }

    [Fact]
    public async Task Run_OvernightOutsideOfficeHours_TheClockStandsStill()
    {
        _clock.SetUtcNow(Opened.AddHours(2.5)); // Monday 11:30 local: 2.5 of 4 hours
        await using (var db = _database!.CreateContext())
        {
            var supportCase = await db.SupportCases.Include(c => c.History).SingleAsync();
            supportCase.ChangePriority(CasePriority.Low, SlaTable.Default, _agent.Id, _clock.GetUtcNow()); // 12 business hours to respond
            await db.SaveChangesAsync();
        }
        _clock.SetUtcNow(Opened.AddHours(9)); // Monday 18:00 local: 8 of 12 hours, short of three quarters

        Assert.Equal(0, await ScanAsync());

        _clock.SetUtcNow(Opened.AddHours(25)); // Tuesday 10:00 local: 9 of 12 hours
        Assert.Equal(1, await ScanAsync());
    }

    [Fact]
    public async Task Run_WaitingOnTheCustomer_IsNotAlerted()
    {
        await using (var db = _database!.CreateContext())
        {
            var supportCase = await db.SupportCases.Include(c => c.History).SingleAsync();
            supportCase.ChangeStatus(CaseStatus.WaitingOnCustomer, _agent.Id, Opened.AddHours(1));
            await db.SaveChangesAsync();
        }
        _clock.SetUtcNow(Opened.AddDays(10));

        Assert.Equal(0, await ScanAsync());
        Assert.Empty(await PushesAsync());
    }

    [Fact]
    public async Task Run_TwoScansSideBySide_RaiseEachAlertOnce()
    {
        _clock.SetUtcNow(Opened.AddHours(4));

        var raised = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(ScanAsync)));

        Assert.Equal(1, raised.Sum());
        var alert = Assert.Single(await AlertsAsync());
        Assert.Equal((SlaTarget.FirstResponse, SlaThreshold.Breach), (alert.Target, alert.Threshold));
        Assert.Equal(2, (await PushesAsync()).Count); // assignee and manager, once each
    }

    private async Task<int> ScanAsync()
    {
        await using var db = _database!.CreateContext();
        return await new SlaAlertScan(db, SlaTable.Default, Calendars, _clock).RunAsync(CancellationToken.None);
    }

    private async Task<List<SlaAlert>> AlertsAsync()
    {
        await using var db = _database!.CreateContext();
        return await db.SlaAlerts.AsNoTracking().ToListAsync();
    }

    private async Task<List<SlaAlertNotice>> PushesAsync()
    {
        await using var db = _database!.CreateContext();
        var items = await db.InboxItems.AsNoTracking().Where(i => i.Channel == SlaAlertNotice.Channel && i.Status == InboxStatus.Pending).ToListAsync();
        return [.. items.Select(i => SlaAlertNotice.FromPayload(i.Payload!)!)];
    }
}
