using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Users;

/// <summary>
/// <c>Directory:BootstrapAdmins</c> over Teams, through the real host: the first message of a listed Entra object id
/// makes that person an admin (audited), once; nobody else is let in; a deactivated user is told so.
/// </summary>
public sealed class TeamsBootstrapAdminTests : IAsyncLifetime
{
    private static readonly TeamsUser Elena = new("29:elena-chat-id", "6f1c2b3a-4d5e-4f60-8a9b-0c1d2e3f4a5b", "Elena Ruiz");
    private static readonly TeamsUser Stranger = new("29:stranger-chat-id", "00000000-0000-4000-8000-0000000000ab", "Someone Else");
    private static readonly TeamsUser Leaver = new("29:leaver-chat-id", "00000000-0000-4000-8000-0000000000cd", "Luis Leaver");

    private readonly SqliteTestDatabase _database = SqliteTestDatabase.MigratedFile();
    private FakeBotConnector _connector = null!;
    private ChatCrmApp _app = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        _app = new ChatCrmApp(_database, new Dictionary<string, string?>
        {
            // No demo enrolment: only the bootstrap list may let a stranger in. The object id as Teams would never write it.
            ["Directory:DemoEnrollUnknownUsersAs"] = "",
            ["Directory:BootstrapAdmins:0"] = "first.admin@example.com",
            ["Directory:BootstrapAdmins:1"] = Elena.AadObjectId.ToUpperInvariant(),
        });
        await _app.WithDatabaseAsync(async db =>
        {
            var leaver = new User(UserId.New(), Leaver.Name, UserRole.SalesRep, "Iberia", "Europe/Madrid", "en-US");
            leaver.LinkTeams(Leaver.AadObjectId);
            leaver.Deactivate(TestClock.Now);
            db.Users.Add(leaver);
            await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync()
    {
        var violations = _connector.Violations;
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
        await _database.DisposeAsync();
        Assert.Empty(violations);
    }

    [Fact]
    public async Task FirstMessage_ListedObjectId_AddsAnAuditedAdminLinkedToTheAccount()
    {
        var turn = await _app.Chat(_connector, Elena).SendAsync("help");

        Assert.DoesNotContain("don't have access", turn.Text, StringComparison.Ordinal);
        var elena = await _app.WithDatabaseAsync(db => db.Users.SingleAsync(u => u.TeamsAadObjectId == Elena.AadObjectId));
        Assert.Equal((UserRole.Admin, "Elena Ruiz", true), (elena.Role, elena.DisplayName, elena.IsActive));
        var entry = await _app.WithDatabaseAsync(db => db.AuditEntries.SingleAsync(a => a.Actor == elena.Id));
        Assert.Equal((AuditAction.DirectoryChanged, "Teams"), (entry.Action, entry.Channel));
        Assert.Equal($"bootstrap admin (Directory:BootstrapAdmins, by Entra object id): user {elena.Id} added; role: none -> Admin; teams account linked", entry.Details);
    }

    [Fact]
    public async Task LaterMessage_AfterTheAdminWasDemoted_DoesNotPromoteAgain()
    {
        var chat = _app.Chat(_connector, Elena);
        await chat.SendAsync("help");
        await _app.WithDatabaseAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.TeamsAadObjectId == Elena.AadObjectId)).ChangeRole(UserRole.SalesRep);
            await db.SaveChangesAsync();
        });

        await chat.SendAsync("help");

        Assert.Equal(UserRole.SalesRep, await _app.WithDatabaseAsync(db => db.Users.Where(u => u.TeamsAadObjectId == Elena.AadObjectId).Select(u => u.Role).SingleAsync()));
        Assert.Equal(1, await _app.WithDatabaseAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task FirstMessage_ObjectIdNotListed_GetsTheNoAccessAnswerAndNothingIsStored()
    {
        var turn = await _app.Chat(_connector, Stranger).SendAsync("help");

        turn.ShouldSay("You don't have access to ChatCrm yet.");
        Assert.Equal(0, await _app.WithDatabaseAsync(db => db.Users.CountAsync(u => u.TeamsAadObjectId == Stranger.AadObjectId)));
        Assert.Equal(0, await _app.WithDatabaseAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Message_DeactivatedUser_IsToldTheirAccessEnded()
    {
        var turn = await _app.Chat(_connector, Leaver).SendAsync("find nunez");

        turn.ShouldSay("Your ChatCrm access has ended");
        Assert.DoesNotContain("Núñez", turn.Text, StringComparison.Ordinal);
    }
}
