using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Customers.HandOver;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Tests.Persistence;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Tests.Customers;

/// <summary>
/// A hand-over moves the open follow-up the previous owner promised (the one on the customer's latest interaction) to
/// the new owner, or leaves it by the configured rule; a follow-up someone else promised, and one a newer contact
/// already closed, stay where they are. The author of every interaction stays as written.
/// </summary>
public abstract class HandOverFollowUpTests(DatabaseFixture db)
{
    private static readonly DateTimeOffset At = TestClock.Now.AddDays(-3);
    private static readonly DateOnly Due = DateOnly.FromDateTime(TestClock.Now.UtcDateTime).AddDays(-1);

    [Fact]
    public async Task StageAsync_MoveToNewOwner_MovesOnlyTheOpenPromiseThePreviousOwnerMade()
    {
        var scene = await ArrangeAsync();

        var outcome = await HandOverAsync(scene, HandOverRules.Default);

        Assert.Equal(new HandOverOutcome(3, 0, 1), outcome);
        var owners = await FollowUpOwnersAsync();
        Assert.Equal(scene.Heir.Id, owners[scene.Promised.Id]);
        Assert.Equal(scene.Colleague.Id, owners[scene.ColleaguePromised.Id]);
        Assert.Equal(scene.Owner.Id, owners[scene.Closed.Id]);
        await using var read = db.CreateContext();
        Assert.Equal(scene.Owner.Id, await read.Interactions.Where(i => i.Id == scene.Promised.Id).Select(i => i.LoggedBy).SingleAsync());
        var payloads = await read.InboxItems.Where(i => i.Channel == HandOverNotice.Channel).Select(i => i.Payload).ToListAsync();
        var notice = Assert.Single(payloads.Select(p => HandOverNotice.FromPayload(p!)), n => n?.HeirId == scene.Heir.Id.Value);
        Assert.Equal(1, notice!.FollowUpsMoved);
    }

    [Fact]
    public async Task StageAsync_StayWithAuthor_LeavesEveryPromiseWithWhoeverMadeIt()
    {
        var scene = await ArrangeAsync();

        var outcome = await HandOverAsync(scene, new HandOverRules(OpenCasesOnHandOver.MoveToNewOwner, OpenFollowUpsOnHandOver.StayWithAuthor));

        Assert.Equal(0, outcome.FollowUpsMoved);
        var owners = await FollowUpOwnersAsync();
        Assert.Equal(scene.Owner.Id, owners[scene.Promised.Id]);
        Assert.Equal(scene.Colleague.Id, owners[scene.ColleaguePromised.Id]);
    }

    private sealed record Scene(User Owner, User Heir, User Colleague, List<Customer> Book, Interaction Promised, Interaction ColleaguePromised, Interaction Closed);

    private async Task<Scene> ArrangeAsync()
    {
        var owner = CrmTestData.Rep("Ana García");
        var heir = CrmTestData.Rep("Luis Pérez");
        var colleague = CrmTestData.Rep("Sara Gil");
        var book = new List<Customer> { CrmTestData.Customer(), CrmTestData.Customer("Pedro Gil"), CrmTestData.Customer("Nuria Sol") };
        foreach (var customer in book)
            customer.AssignOwner(owner.Id);
        var promised = Log(book[0], owner, At, Due);
        var colleaguePromised = Log(book[1], colleague, At, Due);
        var closed = Log(book[2], owner, At, Due);
        await using var write = db.CreateContext();
        write.Users.AddRange(owner, heir, colleague);
        write.Customers.AddRange(book);
        write.Interactions.AddRange(Log(book[0], owner, At.AddDays(-10), Due.AddDays(-10)), promised, colleaguePromised, closed,
            Log(book[2], colleague, At.AddDays(1), null));
        await write.SaveChangesAsync();
        return new Scene(owner, heir, colleague, book, promised, colleaguePromised, closed);
    }

    private async Task<HandOverOutcome> HandOverAsync(Scene scene, HandOverRules rules)
    {
        await using var context = db.CreateContext();
        var handOver = new CustomerHandOver(context, TimeProvider.System);
        var book = await handOver.BookOfAsync(scene.Owner.Id, CancellationToken.None);
        var outcome = await handOver.StageAsync(book, scene.Heir, scene.Owner, "test", rules, CancellationToken.None);
        await context.SaveChangesAsync();
        return outcome;
    }

    private async Task<Dictionary<InteractionId, UserId>> FollowUpOwnersAsync()
    {
        await using var read = db.CreateContext();
        return await read.Interactions.Where(i => i.FollowUpOwner != null).ToDictionaryAsync(i => i.Id, i => i.FollowUpOwner!.Value);
    }

    private static Interaction Log(Customer customer, User by, DateTimeOffset at, DateOnly? followUpOn) =>
        Interaction.Log(customer.Id, by.Id, at, TestClock.Now, InteractionChannel.Phone, InteractionKind.Call, "Llamada", null, followUpOn);
}

public sealed class SqliteHandOverFollowUpTests(SqliteFixture db) : HandOverFollowUpTests(db), IClassFixture<SqliteFixture>;

public sealed class PostgresHandOverFollowUpTests(PostgresFixture db) : HandOverFollowUpTests(db), IClassFixture<PostgresFixture>;
