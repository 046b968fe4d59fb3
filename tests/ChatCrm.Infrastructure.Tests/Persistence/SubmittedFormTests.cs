using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Tests.Persistence;

/// <summary>A card form is stored once: the form id is the key, so the database refuses a second copy on every engine.</summary>
public abstract class SubmittedFormTests(DatabaseFixture db)
{
    [Fact]
    public async Task SaveChanges_SameFormIdTwice_SecondIsRejectedWithItsInteraction()
    {
        var rep = CrmTestData.Rep();
        var customer = CrmTestData.Customer();
        var formId = Guid.NewGuid();
        var first = CrmTestData.Call(customer, rep, TestClock.Now.AddMinutes(-5));
        await using (var context = db.CreateContext())
        {
            context.AddRange(rep, customer, first);
            context.SubmittedForms.Add(new SubmittedFormRecord(formId, first.Id, rep.Id, DateTimeOffset.UtcNow));
            await context.SaveChangesAsync();
        }

        // A second instance handling the same press: its own interaction and the same form id, in one transaction.
        var second = CrmTestData.Call(customer, rep, TestClock.Now.AddMinutes(-5));
        await using (var context = db.CreateContext())
        {
            context.Interactions.Add(second);
            context.SubmittedForms.Add(new SubmittedFormRecord(formId, second.Id, rep.Id, DateTimeOffset.UtcNow));
            await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        }

        await using var read = db.CreateContext();
        Assert.Equal(first.Id, (await read.SubmittedForms.SingleAsync(f => f.FormId == formId)).InteractionId);
        Assert.False(await read.Interactions.AnyAsync(i => i.Id == second.Id));
    }
}

public sealed class SqliteSubmittedFormTests(SqliteFixture db) : SubmittedFormTests(db), IClassFixture<SqliteFixture>;

public sealed class PostgresSubmittedFormTests(PostgresFixture db) : SubmittedFormTests(db), IClassFixture<PostgresFixture>;
