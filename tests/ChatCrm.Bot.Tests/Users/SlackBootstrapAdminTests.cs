using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Users;

/// <summary>
/// <c>Directory:BootstrapAdmins</c> over Slack, in the Production environment, through the real host: the e-mail
/// <c>users.info</c> reports for an unknown account makes that person an admin — a new user, or the one the e-mail
/// belongs to, promoted — audited; a deactivated user is told their access ended.
/// </summary>
public sealed class SlackBootstrapAdminTests : SlackTestBase
{
    private static readonly SlackUser Founder = new("T0ACME", "U0FOUNDER", "founder");
    private static readonly SlackUser Marta = new("T0ACME", "U0MARTA", "marta");
    private static readonly SlackUser Leaver = new("T0ACME", "U0LEAVER", "leaver");

    private static readonly Dictionary<string, string?> Bootstrap = new()
    {
        ["Directory:DemoEnrollUnknownUsersAs"] = "",
        ["Directory:BootstrapAdmins:0"] = "Founder@Example.com",
        ["Directory:BootstrapAdmins:1"] = "marta@example.com",
    };

    protected override IDictionary<string, string?>? Settings => Bootstrap;

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var marta = new User(UserId.New(), "Marta Gil", UserRole.SalesRep, "Iberia", "Europe/Madrid", "es-ES");
        marta.UseEmail("marta@example.com");
        db.Users.Add(marta);
        var leaver = await AddSlackUserAsync(db, Leaver);
        leaver.Deactivate(TestClock.Now);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task FirstCommand_InProductionWithAListedEmail_AddsAnAuditedAdmin()
    {
        Slack.Profiles[Founder.UserId] = ("founder@example.com", "en-GB");
        await using var production = StartApp(Bootstrap, environment: "Production");

        // A direct message: its answer goes through the Web API (Production sends nothing to a loopback response_url).
        await Client(Founder, production).DirectMessageAsync("help");

        var calls = await Slack.WaitForCallsAsync(2);
        Assert.Equal("users.info", calls[0].Method);
        Assert.DoesNotContain("don't have access", calls[1].Text, StringComparison.Ordinal);
        var founderKey = SlackUserKey.Parse(Founder.Key);
        var founder = await production.WithDatabaseAsync(db => db.Users.SingleAsync(u => u.SlackUserKey == founderKey));
        Assert.Equal((UserRole.Admin, "founder@example.com", "en-GB"), (founder.Role, founder.Email, founder.Locale));
        var entry = await production.WithDatabaseAsync(db => db.AuditEntries.SingleAsync(a => a.Actor == founder.Id));
        Assert.Equal((AuditAction.DirectoryChanged, "Slack"), (entry.Action, entry.Channel));
        Assert.StartsWith("bootstrap admin (Directory:BootstrapAdmins, by e-mail): user ", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstCommand_ListedEmailOfAnExistingRep_LinksAndPromotesThem()
    {
        Slack.Profiles[Marta.UserId] = ("MARTA@example.com", "es-ES");
        await using var production = StartApp(Bootstrap, environment: "Production");

        await Client(Marta, production).DirectMessageAsync("help");

        await Slack.WaitForCallsAsync(2);
        var marta = await production.WithDatabaseAsync(db => db.Users.SingleAsync(u => u.Email == "marta@example.com"));
        Assert.Equal((UserRole.Admin, (SlackUserKey?)SlackUserKey.Parse(Marta.Key)), (marta.Role, marta.SlackUserKey));
        var details = await production.WithDatabaseAsync(db => db.AuditEntries.Where(a => a.Actor == marta.Id).Select(a => a.Details).ToListAsync());
        Assert.Contains($"bootstrap admin (Directory:BootstrapAdmins, by e-mail): user {marta.Id}; role: SalesRep -> Admin", details);
        Assert.Equal(1, await production.WithDatabaseAsync(db => db.Users.CountAsync(u => u.Email == "marta@example.com")));
    }

    [Fact]
    public async Task Command_DeactivatedUser_IsToldTheirAccessEnded()
    {
        await Client(Leaver).CommandAsync("cases");

        var calls = await Slack.WaitForCallsAsync(1);
        var reply = calls[^1];
        Assert.Contains("Your ChatCrm access has ended", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Slack.Calls, c => c.Method == "users.info");
    }
}
