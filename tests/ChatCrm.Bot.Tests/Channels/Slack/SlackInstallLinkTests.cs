using System.Net;
using System.Text.RegularExpressions;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Channels.Slack;

/// <summary>
/// Issue 20, finding 2: /slack/install is no longer open to anyone. It needs a single-use link an admin issues in chat
/// ("admin slack install-link"); without one, or with one used or expired, it answers 403 and starts nothing. A link
/// installs once, and issuing and using it are audited with the admin as actor.
/// </summary>
public sealed partial class SlackInstallLinkTests : SlackTestBase
{
    private static readonly SlackUser Globex = new("T0GLOBEX", "U0PEDRO", "pedro");

    private User _admin = null!;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Slack:ClientId"] = FakeSlack.ClientId,
        ["Slack:ClientSecret"] = FakeSlack.ClientSecret,
        ["Slack:OAuthRedirectUrl"] = FakeSlack.RedirectUrl,
        ["Slack:OAuthAuthorizeUrl"] = "https://slack.example/oauth/v2/authorize",
    };

    protected override async Task ArrangeAsync(CrmDbContext db) => _admin = await AddSlackUserAsync(db, Lucia, UserRole.Admin);

    [Theory]
    [InlineData("/slack/install")]
    [InlineData("/slack/install?link=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Install_WithoutAValidLink_Is403AndStartsNothing(string path)
    {
        using var response = await Browser().GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("single-use install link from a ChatCrm admin", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(response.Headers.Location);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task InstallLink_IssuedInChatAndUsedOnce_InstallsOnceAndIsAudited()
    {
        var link = await IssueInChatAsync();
        var first = Browser();
        var state = await StartAsync(first, link);

        using var installed = await first.GetAsync($"/slack/oauth/callback?code={Slack.IssueCode(Globex.TeamId, "Globex", "xoxb-globex")}&state={Uri.EscapeDataString(state)}");
        using var again = await Browser().GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, installed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        var stored = await App.WithDatabaseAsync(db => db.SlackInstallLinks.SingleAsync());
        Assert.Equal((Globex.TeamId, true), (stored.TeamId, stored.UsedAt is not null));
        var audit = await App.WithDatabaseAsync(db => db.AuditEntries.Where(a => a.Actor == _admin.Id).OrderBy(a => a.At).ToListAsync());
        Assert.Equal([AuditAction.IssuedSlackInstallLink, AuditAction.UsedSlackInstallLink, AuditAction.UsedSlackInstallLink], audit.Select(a => a.Action));
        Assert.Contains("used: installed into T0GLOBEX", audit[1].Details, StringComparison.Ordinal);
        Assert.Contains("refused at /slack/install: already used", audit[2].Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_TwoInstallsStartedWithOneLink_OnlyTheFirstIsExchanged()
    {
        var link = await IssueInChatAsync();
        var (one, two) = (Browser(), Browser());
        var (stateOne, stateTwo) = (await StartAsync(one, link), await StartAsync(two, link));

        using var first = await one.GetAsync($"/slack/oauth/callback?code={Slack.IssueCode(Globex.TeamId, "Globex", "xoxb-globex")}&state={Uri.EscapeDataString(stateOne)}");
        using var second = await two.GetAsync($"/slack/oauth/callback?code={Slack.IssueCode("T0EVIL", "Evil", "xoxb-evil")}&state={Uri.EscapeDataString(stateTwo)}");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Forbidden), (first.StatusCode, second.StatusCode));
        Assert.Single(Slack.Exchanges);
        Assert.Equal(Globex.TeamId, await App.WithDatabaseAsync(db => db.SlackInstallations.Select(i => i.TeamId).SingleAsync()));
    }

    [Fact]
    public async Task Install_LinkExpired_Is403AndAudited()
    {
        await using var quick = StartApp(new Dictionary<string, string?>(Settings!) { ["Slack:InstallLinkLifetime"] = "00:00:00.001" });
        var link = await SlackInstallTests.IssueLinkAsync(quick);
        await WaitUntilExpiredAsync(quick);

        using var response = await Browser(quick).GetAsync(link);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(Slack.Exchanges);
        var entry = await quick.WithDatabaseAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.UsedSlackInstallLink));
        Assert.Contains("refused at /slack/install: expired", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstallLinkCommand_NotAnAdmin_IsRefused()
    {
        await App.WithDatabaseAsync(db => AddSlackUserAsync(db, Pilar));

        await Client(Pilar).CommandAsync("admin slack install-link");

        var reply = (await Slack.WaitForCallsAsync(1))[0];
        Assert.Contains("Admin commands are for ChatCrm administrators", reply.Text, StringComparison.Ordinal);
        Assert.Empty(await App.WithDatabaseAsync(db => db.SlackInstallLinks.ToListAsync()));
    }

    private async Task<string> IssueInChatAsync()
    {
        await Client(Lucia).CommandAsync("admin slack install-link");
        var reply = (await Slack.WaitForCallsAsync(1))[0];
        var match = LinkPattern().Match(reply.Body.ToJsonString());
        Assert.True(match.Success, reply.Body.ToJsonString());
        return new Uri(match.Value).PathAndQuery;
    }

    /// <summary>The link's expiry is stored; waits (without a fixed sleep) until the database says it has passed.</summary>
    private static async Task WaitUntilExpiredAsync(ChatCrmApp app)
    {
        var expires = await app.WithDatabaseAsync(db => db.SlackInstallLinks.Select(l => l.ExpiresAt).SingleAsync());
        while (DateTimeOffset.UtcNow <= expires)
            await Task.Yield();
    }

    private static async Task<string> StartAsync(HttpClient browser, string link)
    {
        using var response = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return QueryHelpers.ParseQuery(response.Headers.Location!.Query)["state"].ToString();
    }

    private HttpClient Browser(ChatCrmApp? app = null) =>
        (app ?? App).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [GeneratedRegex(@"https?://[^""\s]+/slack/install\?link=[A-Za-z0-9_-]{43}")]
    private static partial Regex LinkPattern();
}
