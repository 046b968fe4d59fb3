using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Channels.Slack;

/// <summary>
/// The allowed workspaces as configured: an Enterprise Grid id allows its workspaces' members, and in Production an
/// empty list links nobody. Each test runs its own host; the class's host runs no inbox worker, so only that one handles the turn.
/// </summary>
public sealed class SlackLinkSettingsTests : SlackTestBase
{
    private static readonly SlackUser Claimant = new("T0ACME", "U0CLAIM", "claimant");

    private static readonly Dictionary<string, string?> NoDemo = new() { ["Directory:DemoEnrollUnknownUsersAs"] = "" };

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>(NoDemo) { ["Work:RunWorker"] = "false" };

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var boss = new User(UserId.New(), "Beatriz Boss", UserRole.Admin, "Board", "Europe/Madrid", "en-US");
        boss.UseEmail("boss@example.com");
        db.Users.Add(boss);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Command_MemberOfAnAllowedEnterpriseGridWorkspace_IsLinked()
    {
        await using var grid = StartApp(new Dictionary<string, string?>(NoDemo) { ["Slack:AllowedWorkspaces:0"] = "E0ACME" });
        Slack.Profiles[Claimant.UserId] = ("boss@example.com", "en-US");
        Slack.Accounts[Claimant.UserId] = new SlackAccount(TeamId: "T0BRANCH", EnterpriseId: "E0ACME");

        await Client(Claimant, grid).CommandAsync("admin status");

        await Slack.WaitForCallsAsync(2);
        var key = SlackUserKey.Parse(Claimant.Key);
        Assert.Equal("boss@example.com", await grid.WithDatabaseAsync(db => db.Users.Where(u => u.SlackUserKey == key).Select(u => u.Email).SingleAsync()));
        Assert.Empty(await grid.WithDatabaseAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.ChatLinkRefused).ToListAsync()));
    }

    [Fact]
    public async Task Command_InProductionWithNoAllowedWorkspace_LinksNobody()
    {
        await using var production = StartApp(new Dictionary<string, string?>(NoDemo) { ["Slack:AllowedWorkspaces:0"] = "" }, environment: "Production");
        Slack.Profiles[Claimant.UserId] = ("boss@example.com", "en-US");

        await Client(Claimant, production).DirectMessageAsync("cases");

        var reply = (await Slack.WaitForCallsAsync(2))[1];
        Assert.Contains("Ask your ChatCrm administrator to link your account", reply.Text, StringComparison.Ordinal);
        var entry = await production.WithDatabaseAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.ChatLinkRefused));
        Assert.Contains("check NoWorkspaceAllowed failed", entry.Details, StringComparison.Ordinal);
        Assert.False(await production.WithDatabaseAsync(db => db.Users.AnyAsync(u => u.SlackUserKey != null)));
    }
}
