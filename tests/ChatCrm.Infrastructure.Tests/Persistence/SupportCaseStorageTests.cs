using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Tiers;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Tests.Persistence;

/// <summary>
/// Support cases survive a round trip with their whole history in order, the "my queue, overdue first" query
/// orders by the SLA due instant in the database.
/// </summary>
public abstract class SupportCaseStorageTests(DatabaseFixture db)
{
    private static readonly DateTimeOffset Opened = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SaveAndLoad_CaseWithChanges_KeepsFieldsAndHistoryInOrder()
    {
        var agent = CrmTestData.Rep();
        var customer = CrmTestData.Customer();
        var supportCase = SupportCase.Open(customer.Id, "Router keeps rebooting", "Since the update", CasePriority.High, ValueTier.Gold,
            agent.Id, "Network", Opened, SlaTable.Default);
        supportCase.ChangeStatus(CaseStatus.WaitingOnCustomer, agent.Id, Opened.AddHours(1));
        supportCase.ChangePriority(CasePriority.Urgent, SlaTable.Default, agent.Id, Opened.AddHours(2));
        await using (var write = db.CreateContext())
        {
            write.Users.Add(agent);
            write.Customers.Add(customer);
            write.SupportCases.Add(supportCase);
            await write.SaveChangesAsync();
        }

        await using var read = db.CreateContext();
        var loaded = await read.SupportCases.Include(c => c.History).SingleAsync(c => c.Id == supportCase.Id);

        Assert.Equal(supportCase.Number, loaded.Number);
        Assert.Equal(CaseStatus.WaitingOnCustomer, loaded.Status);
        Assert.Equal(CasePriority.Urgent, loaded.Priority);
        Assert.Equal(ValueTier.Gold, loaded.Tier);
        Assert.Equal(Opened.AddHours(4), loaded.SlaDueAt);
        Assert.Equal(Opened.AddHours(1), loaded.FirstResponseAt);
        Assert.Equal([CaseChange.Opened, CaseChange.FirstResponse, CaseChange.StatusChanged, CaseChange.PriorityChanged],
            loaded.History.OrderBy(h => h.Sequence).Select(h => h.Change));
    }

    [Fact]
    public async Task Queue_ActiveCasesOfOneAgent_OverdueFirstByDueInstant()
    {
        var agent = CrmTestData.Rep();
        var customer = CrmTestData.Customer();
        var relaxed = SupportCase.Open(customer.Id, "Question about a bill", null, CasePriority.Low, ValueTier.Bronze, agent.Id, "Billing", Opened, SlaTable.Default);
        var urgent = SupportCase.Open(customer.Id, "Cannot log in", null, CasePriority.Urgent, ValueTier.Platinum, agent.Id, "Support", Opened.AddHours(1), SlaTable.Default);
        var done = SupportCase.Open(customer.Id, "Old problem", null, CasePriority.Urgent, ValueTier.Platinum, agent.Id, "Support", Opened, SlaTable.Default);
        done.ChangeStatus(CaseStatus.Resolved, agent.Id, Opened.AddMinutes(30));
        await using (var write = db.CreateContext())
        {
            write.Users.Add(agent);
            write.Customers.Add(customer);
            write.SupportCases.AddRange(relaxed, urgent, done);
            await write.SaveChangesAsync();
        }

        await using var read = db.CreateContext();
        var queue = await read.SupportCases
            .Where(c => c.AssignedTo == agent.Id && (c.Status == CaseStatus.Open || c.Status == CaseStatus.WaitingOnCustomer))
            .OrderBy(c => c.SlaDueAt)
            .Select(c => c.Id)
            .ToListAsync();

        Assert.Equal([urgent.Id, relaxed.Id], queue);
    }
}

public sealed class SqliteSupportCaseStorageTests(SqliteFixture db) : SupportCaseStorageTests(db), IClassFixture<SqliteFixture>;

public sealed class PostgresSupportCaseStorageTests(PostgresFixture db) : SupportCaseStorageTests(db), IClassFixture<PostgresFixture>;

