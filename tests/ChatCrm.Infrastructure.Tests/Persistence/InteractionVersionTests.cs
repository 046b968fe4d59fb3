using ChatCrm.Domain.Interactions;
using ChatCrm.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Tests.Persistence;

/// <summary>
/// Amended and withdrawn interactions stay on record but count nowhere: ordinary queries see current versions only,
/// while the customer's export holds every version and erasure reaches every version. Two corrections of one version
/// that cross are refused by the database (the row's version), so one wins and nothing is doubled.
/// </summary>
public abstract class InteractionVersionTests(DatabaseFixture db)
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Queries_SeeCurrentVersionsOnly_TheExportHoldsEveryVersion()
    {
        var rep = CrmTestData.Rep();
        var customer = CrmTestData.Customer();
        var original = CrmTestData.Call(customer, rep, At);
        var withdrawn = CrmTestData.Call(customer, rep, At.AddHours(2));
        var amendment = original.Amend(At, At.AddHours(1), InteractionChannel.Visit, InteractionKind.Visit, "Corrected summary", null, null);
        withdrawn.Withdraw(At.AddHours(3));
        await using (var write = db.CreateContext())
        {
            write.Users.Add(rep);
            write.Customers.Add(customer);
            write.Interactions.AddRange(original, withdrawn, amendment);
            await write.SaveChangesAsync();
        }

        await using var read = db.CreateContext();
        var current = await read.Interactions.Where(i => i.CustomerId == customer.Id).Select(i => i.Id).ToListAsync();
        var export = await new CustomerDataExport(read).BuildAsync(customer.Id, At.AddDays(1), CancellationToken.None);

        Assert.Equal([amendment.Id], current);
        var exported = export!["interactions"]!.AsArray().Select(i => ((string)i!["state"]!, (string)i["summary"]!)).ToList();
        Assert.Equal(3, exported.Count);
        Assert.Contains(("Amended", original.Summary), exported);
        Assert.Contains(("Withdrawn", withdrawn.Summary), exported);
        Assert.Contains(("Current", "Corrected summary"), exported);
    }

    [Fact]
    public async Task Erasure_RedactsEveryVersion()
    {
        var rep = CrmTestData.Rep();
        var customer = CrmTestData.Customer();
        var original = CrmTestData.Call(customer, rep, At);
        var amendment = original.Amend(At, At.AddHours(1), InteractionChannel.Phone, InteractionKind.Call, "Corrected summary", "said yes", null);
        await using (var write = db.CreateContext())
        {
            write.Users.Add(rep);
            write.Customers.Add(customer);
            write.Interactions.AddRange(original, amendment);
            await write.SaveChangesAsync();
        }

        await using (var erase = db.CreateContext())
        {
            var report = await new CustomerErasure(erase).StageAsync(customer.Id, At.AddDays(1), CancellationToken.None);
            await erase.SaveChangesAsync();
            Assert.Equal(2, report!.InteractionsRedacted);
        }

        await using var read = db.CreateContext();
        var summaries = await read.Interactions.IgnoreQueryFilters().Where(i => i.CustomerId == customer.Id).Select(i => i.Summary).ToListAsync();
        Assert.Equal([Interaction.ErasedText, Interaction.ErasedText], summaries);
    }

    [Fact]
    public async Task TwoCorrectionsThatCross_TheSecondIsRefusedByTheDatabase()
    {
        var rep = CrmTestData.Rep();
        var customer = CrmTestData.Customer();
        var original = CrmTestData.Call(customer, rep, At);
        await using (var write = db.CreateContext())
        {
            write.Users.Add(rep);
            write.Customers.Add(customer);
            write.Interactions.Add(original);
            await write.SaveChangesAsync();
        }

        await using var first = db.CreateContext();
        await using var second = db.CreateContext();
        var one = await first.Interactions.SingleAsync(i => i.Id == original.Id);
        var two = await second.Interactions.SingleAsync(i => i.Id == original.Id);
        first.Interactions.Add(one.Amend(At, At.AddHours(1), InteractionChannel.Phone, InteractionKind.Call, "First correction", null, null));
        second.Interactions.Add(two.Amend(At, At.AddHours(1), InteractionChannel.Phone, InteractionKind.Call, "Second correction", null, null));
        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var read = db.CreateContext();
        Assert.Equal(["First correction"], await read.Interactions.Where(i => i.CustomerId == customer.Id).Select(i => i.Summary).ToListAsync());
    }
}

public sealed class SqliteInteractionVersionTests(SqliteFixture db) : InteractionVersionTests(db), IClassFixture<SqliteFixture>;

public sealed class PostgresInteractionVersionTests(PostgresFixture db) : InteractionVersionTests(db), IClassFixture<PostgresFixture>;
