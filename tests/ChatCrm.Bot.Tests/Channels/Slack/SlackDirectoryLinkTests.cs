using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Channels.Slack;

/// <summary>
/// An unknown Slack account is looked up with users.info (include_locale): linked to the one ChatCrm user with that
/// e-mail (stored, audited, the Slack locale kept), and refused politely when no user, or more than one, has it.
/// </summary>
public sealed class SlackDirectoryLinkTests : SlackTestBase
{
    private static readonly SlackUser NewHannah = new("T0ACME", "U0HANNAH", "hannah");
    private static readonly SlackUser NewIker = new("T0ACME", "U0IKER", "iker");
    private static readonly SlackUser Shared = new("T0ACME", "U0SHARED", "desk");

    /// <summary>No demo enrolment: an account that cannot be linked must stay a stranger.</summary>
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Directory:DemoEnrollUnknownUsersAs"] = "" };

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        await AddSlackUserAsync(db, Lucia);
        Add(db, "Hannah Lewis", "hannah.lewis@example.com", "en-US");
        Add(db, "Iker Zubizarreta", "iker@example.com", "en-US");
        Add(db, "Help Desk One", "desk@example.com", "en-US");
        Add(db, "Help Desk Two", "desk@example.com", "en-US");
        await db.SaveChangesAsync();
    }

    private static void Add(CrmDbContext db, string name, string email, string locale)
    {
        var user = new User(UserId.New(), name, UserRole.SupportAgent, "Support", "Europe/London", locale);
        user.UseEmail(email);
        db.Users.Add(user);
    }

    [Fact]
    public async Task UnknownAccount_EmailOfOneUser_IsLinkedWithItsSlackLocaleAndAudited()
    {
        Slack.Profiles[NewHannah.UserId] = ("Hannah.Lewis@example.com", "en-GB");

        await Client(NewHannah).CommandAsync("cases");

        var calls = await Slack.WaitForCallsAsync(2);
        var info = calls[0];
        Assert.Equal(("users.info", NewHannah.UserId, "true", FakeSlack.BotToken), (info.Method, (string?)info.Body["user"], (string?)info.Body["include_locale"], info.Token));
        Assert.Contains("No active cases assigned to you.", calls[1].Text, StringComparison.Ordinal);
        var hannah = await App.WithDatabaseAsync(db => db.Users.SingleAsync(u => u.DisplayName == "Hannah Lewis"));
        Assert.Equal((NewHannah.Key, "en-GB"), (hannah.SlackUserKey?.ToString(), hannah.Locale));
        var entry = Assert.Single(await App.WithDatabaseAsync(db => db.AuditEntries.ToListAsync()));
        Assert.Equal((AuditAction.DirectoryChanged, hannah.Id, (Domain.Customers.CustomerId?)null), (entry.Action, entry.Actor, entry.CustomerId));
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task UnknownAccount_SpanishSlackLocale_IsAnsweredInSpanishFromThenOn()
    {
        Slack.Profiles[NewIker.UserId] = ("iker@example.com", "es-ES");
        var client = Client(NewIker);

        await client.CommandAsync("casos");
        await client.CommandAsync("casos");

        var calls = await Slack.WaitForCallsAsync(3);
        Assert.Single(calls, c => c.Method == "users.info");
        Assert.All(calls.Where(c => c.Method == "response_url"), c => Assert.Contains("No tienes casos activos asignados.", c.Text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("desk@example.com")]
    [InlineData("stranger@example.com")]
    [InlineData(null)]
    public async Task UnknownAccount_EmailOfNoneOrSeveralUsers_GetsTheNoAccessAnswerAndNothingIsLinked(string? email)
    {
        Slack.Profiles[Shared.UserId] = (email, "en-US");

        await Client(Shared).CommandAsync("cases");

        var reply = (await Slack.WaitForCallsAsync(2))[1];
        Assert.Contains("don't have access to ChatCrm", reply.Text, StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.Users.CountAsync(u => u.SlackUserKey != null)));
        Assert.Empty(await App.WithDatabaseAsync(db => db.AuditEntries.ToListAsync()));
    }
}
