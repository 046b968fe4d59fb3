using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Channels.Slack;

/// <summary>
/// Issue 20, finding 2: an unknown Slack account whose users.info e-mail is a ChatCrm user's is linked (and gets that
/// user's role) only when it is a full member of an allowed workspace at an allowed e-mail domain. A guest, a bot, a
/// person of another organisation, another workspace or another domain is refused politely, only to them, in their
/// language, and the refusal is audited with the check that failed (never the e-mail).
/// </summary>
public sealed class SlackLinkCheckTests : SlackTestBase
{
    private static readonly SlackUser Claimant = new("T0ACME", "U0CLAIM", "claimant");

    private static readonly Dictionary<string, string?> NoDemo = new() { ["Directory:DemoEnrollUnknownUsersAs"] = "" };

    protected override IDictionary<string, string?>? Settings => NoDemo;

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var boss = new User(UserId.New(), "Beatriz Boss", UserRole.Admin, "Board", "Europe/Madrid", "en-US");
        boss.UseEmail("boss@example.com");
        db.Users.Add(boss);
        await db.SaveChangesAsync();
    }

    public static TheoryData<string, SlackAccount> NotFullMembers => new()
    {
        { "multi-channel guest", new SlackAccount(IsRestricted: true) },
        { "single-channel guest", new SlackAccount(IsUltraRestricted: true) },
        { "bot", new SlackAccount(IsBot: true) },
        { "deactivated", new SlackAccount(Deleted: true) },
        { "another organisation", new SlackAccount(IsStranger: true) },
    };

    [Theory]
    [MemberData(nameof(NotFullMembers))]
    public async Task Mention_NotAFullMemberWithTheAdminsEmail_IsRefusedOnlyToThemAndAudited(string kind, SlackAccount account)
    {
        Slack.Profiles[Claimant.UserId] = ("boss@example.com", "en-US");
        Slack.Accounts[Claimant.UserId] = account;

        await MentionAsync("cases");

        var reply = (await Slack.WaitForCallsAsync(2))[1];
        Assert.True(reply.Method == "chat.postEphemeral", $"{kind}: {reply.Method}");
        Assert.Equal(Claimant.UserId, (string?)reply.Body["user"]);
        Assert.Contains("guest, external and bot accounts can't use it", reply.Text, StringComparison.Ordinal);
        await AssertNotLinkedAsync("Membership");
    }

    [Fact]
    public async Task Command_MemberOfAnotherWorkspace_IsRefusedAndAudited()
    {
        Slack.Profiles[Claimant.UserId] = ("boss@example.com", "en-US");
        Slack.Accounts[Claimant.UserId] = new SlackAccount(TeamId: "T0EVIL");

        await Client(Claimant).CommandAsync("cases");

        var reply = (await Slack.WaitForCallsAsync(2))[1];
        Assert.Equal(("response_url", "ephemeral"), (reply.Method, (string?)reply.Body["response_type"]));
        Assert.Contains("Ask your ChatCrm administrator to link your account", reply.Text, StringComparison.Ordinal);
        await AssertNotLinkedAsync("Workspace");
    }

    [Fact]
    public async Task Command_EmailAtAnotherDomain_IsRefusedInSpanishAndAudited()
    {
        await App.WithDatabaseAsync(async db =>
        {
            var outsider = new User(UserId.New(), "Olga Outside", UserRole.Manager, "Board", "Europe/Madrid", "es-ES");
            outsider.UseEmail("olga@freemail.test");
            db.Users.Add(outsider);
            await db.SaveChangesAsync();
        });
        Slack.Profiles[Claimant.UserId] = ("olga@freemail.test", "es-ES");

        await Client(Claimant).CommandAsync("casos");

        var reply = (await Slack.WaitForCallsAsync(2))[1];
        Assert.Contains("Pide a tu administrador de ChatCrm que vincule tu cuenta", reply.Text, StringComparison.Ordinal);
        await AssertNotLinkedAsync("EmailDomain");
    }

    private Task<HttpResponseMessage> MentionAsync(string text) =>
        Client(Claimant).EventAsync(new JsonObject
        {
            ["type"] = "app_mention",
            ["channel"] = "C0SALES",
            ["user"] = Claimant.UserId,
            ["text"] = $"<@U0BOT> {text}",
            ["ts"] = "1700000000.000300",
        });

    private async Task AssertNotLinkedAsync(string check)
    {
        Assert.False(await App.WithDatabaseAsync(db => db.Users.AnyAsync(u => u.SlackUserKey != null)));
        var entry = await App.WithDatabaseAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal((AuditAction.ChatLinkRefused, null, $"slack:{Claimant.Key}", "Slack"), (entry.Action, entry.Actor, entry.Client, entry.Channel));
        Assert.Contains($"check {check} failed", entry.Details, StringComparison.Ordinal);
        Assert.DoesNotContain("@", entry.Details, StringComparison.Ordinal);
    }
}
