using System.Net;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using ChatCrm.Bot.Channels.Slack.Install;
using ChatCrm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Bot.Tests.Channels.Slack;

/// <summary>
/// The multi-workspace install: /slack/install, given an admin's single-use install link, sends the browser to Slack with a signed, expiring state; the
/// callback refuses a forged, expired or foreign state before any code is exchanged, exchanges a good one with
/// oauth.v2.access (client credentials, code and redirect URI checked by the fake) and stores the token encrypted;
/// each workspace is then answered with its own token, and an uninstall forgets it.
/// </summary>
public sealed class SlackInstallTests : SlackTestBase
{
    private const string AuthorizeUrl = "https://slack.example/oauth/v2/authorize";
    private const string GlobexToken = "xoxb-globex-token";
    private static readonly SlackUser Pedro = new("T0GLOBEX", "U0PEDRO", "pedro");

    protected override Task ArrangeAsync(CrmDbContext db) => Task.CompletedTask;

    [Fact]
    public async Task Install_Started_RedirectsToSlackWithScopesRedirectUriAndState()
    {
        await using var app = InstallApp();
        var browser = Browser(app);

        using var response = await browser.GetAsync(await IssueLinkAsync(app));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(AuthorizeUrl, location.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(FakeSlack.ClientId, query["client_id"].ToString());
        Assert.Equal(FakeSlack.RedirectUrl, query["redirect_uri"].ToString());
        Assert.Contains("chat:write", query["scope"].ToString().Split(','));
        Assert.False(string.IsNullOrEmpty(query["state"].ToString()));
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("chatcrm_slack_install=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Callback_WithTheStateOfThisBrowser_ExchangesTheCodeAndStoresTheTokenEncrypted()
    {
        await using var app = InstallApp();
        var browser = Browser(app);
        var state = await StartInstallAsync(browser, app);
        var code = Slack.IssueCode(Pedro.TeamId, "Globex & Co", GlobexToken);

        using var response = await browser.GetAsync($"/slack/oauth/callback?code={code}&state={Uri.EscapeDataString(state)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Globex &amp; Co", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var exchange = Assert.Single(Slack.Exchanges);
        Assert.Equal(new OAuthExchange($"{FakeSlack.ClientId}:{FakeSlack.ClientSecret}", code, FakeSlack.RedirectUrl), exchange);
        var stored = await app.WithDatabaseAsync(db => db.SlackInstallations.SingleAsync());
        Assert.Equal(Pedro.TeamId, stored.TeamId);
        Assert.Equal("U0BOTT0GLOBEX", stored.BotUserId);
        Assert.NotNull(stored.ProtectedBotToken);
        Assert.DoesNotContain(GlobexToken, stored.ProtectedBotToken, StringComparison.Ordinal);
    }

    public static TheoryData<string> BadStates => ["forged", "tampered", "missing", "another browser's"];

    [Theory]
    [MemberData(nameof(BadStates))]
    public async Task Callback_WithABadState_IsRefusedBeforeAnyExchangeAndStoresNothing(string kind)
    {
        await using var app = InstallApp();
        var browser = Browser(app);
        var state = await StartInstallAsync(browser, app);
        var code = Slack.IssueCode(Pedro.TeamId, "Globex", GlobexToken);
        var (client, sent) = kind switch
        {
            "forged" => (browser, "CfDJ8forged-state"),
            "tampered" => (browser, state[..^2] + (state[^2] == 'A' ? "B" : "A") + state[^1]),
            "missing" => (browser, string.Empty),
            _ => (Browser(app), state),
        };

        using var response = await client.GetAsync($"/slack/oauth/callback?code={code}&state={Uri.EscapeDataString(sent)}");

        await AssertRefusedAsync(app, response);
    }

    [Fact]
    public async Task Callback_AfterTheStateExpired_IsRefusedBeforeAnyExchange()
    {
        await using var app = InstallApp(("Slack:InstallStateLifetime", "00:00:00"));
        var browser = Browser(app);
        var state = await StartInstallAsync(browser, app);
        var code = Slack.IssueCode(Pedro.TeamId, "Globex", GlobexToken);

        using var response = await browser.GetAsync($"/slack/oauth/callback?code={code}&state={Uri.EscapeDataString(state)}");

        await AssertRefusedAsync(app, response);
    }

    [Fact]
    public async Task Callback_CodeRefusedBySlack_ShowsAFailureAndStoresNothing()
    {
        await using var app = InstallApp();
        var browser = Browser(app);
        var state = await StartInstallAsync(browser, app);

        using var response = await browser.GetAsync($"/slack/oauth/callback?code=never-issued&state={Uri.EscapeDataString(state)}");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("invalid_code", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDatabaseAsync(db => db.SlackInstallations.CountAsync()));
    }

    [Fact]
    public async Task WebApi_SecondWorkspace_IsAnsweredWithItsOwnTokenAndTheFirstWithTheConfiguredOne()
    {
        await using var app = InstallApp();
        await InstallAsync(app, Pedro.TeamId, GlobexToken);

        await Client(Pedro, app).DirectMessageAsync("help");
        await Slack.WaitForCallsAsync(2); // users.info (an unknown account is looked up), then the answer
        await Client(Lucia, app).DirectMessageAsync("help");
        var all = await Slack.WaitForCallsAsync(4);

        Assert.All(all.Where(c => (string?)c.Body["channel"] == "D0" + Pedro.UserId), c => Assert.Equal(GlobexToken, c.Token));
        Assert.All(all.Where(c => (string?)c.Body["channel"] == "D0" + Lucia.UserId), c => Assert.Equal(FakeSlack.BotToken, c.Token));
        Assert.Contains(all, c => (string?)c.Body["channel"] == "D0" + Pedro.UserId);
        Assert.Contains(all, c => (string?)c.Body["channel"] == "D0" + Lucia.UserId);
        Assert.Empty(Slack.Violations);
    }

    [Theory]
    [InlineData("app_uninstalled")]
    [InlineData("tokens_revoked")]
    public async Task Event_WorkspaceRemovedTheApp_ForgetsItsTokenAndNothingIsSentForIt(string eventType)
    {
        await using var app = InstallApp();
        await InstallAsync(app, Pedro.TeamId, GlobexToken);
        var inner = new JsonObject { ["type"] = eventType };
        if (eventType == "tokens_revoked")
            inner["tokens"] = new JsonObject { ["bot"] = new JsonArray("U0BOTT0GLOBEX") };

        using var ack = await Client(Pedro, app).EventAsync(inner);
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var retired = await WaitForAsync(app, db => db.SlackInstallations.SingleAsync(r => r.TeamId == Pedro.TeamId && r.RetiredAt != null));

        Assert.Null(retired.ProtectedBotToken);
        Assert.Equal(eventType, retired.RetiredReason);
        await Client(Pedro, app).DirectMessageAsync("help");
        await Client(Lucia, app).DirectMessageAsync("help");
        var calls = await Slack.WaitForCallsAsync(1);
        Assert.DoesNotContain(calls, c => c.Token == GlobexToken || (string?)c.Body["channel"] == "D0" + Pedro.UserId);
    }

    [Fact]
    public async Task Event_TokensRevokedForUsersOnly_KeepsTheBotToken()
    {
        await using var app = InstallApp();
        await InstallAsync(app, Pedro.TeamId, GlobexToken);

        using var ack = await Client(Pedro, app).EventAsync(new JsonObject
        {
            ["type"] = "tokens_revoked",
            ["tokens"] = new JsonObject { ["oauth"] = new JsonArray("U0PEDRO") },
        });
        await Client(Pedro, app).DirectMessageAsync("help");
        var calls = await Slack.WaitForCallsAsync(1);

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.All(calls, c => Assert.Equal(GlobexToken, c.Token));
        Assert.Null(await app.WithDatabaseAsync(db => db.SlackInstallations.Select(r => r.RetiredAt).SingleAsync()));
    }

    private ChatCrmApp InstallApp(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Slack:ClientId"] = FakeSlack.ClientId,
            ["Slack:ClientSecret"] = FakeSlack.ClientSecret,
            ["Slack:OAuthRedirectUrl"] = FakeSlack.RedirectUrl,
            ["Slack:OAuthAuthorizeUrl"] = AuthorizeUrl,
        };
        foreach (var (key, value) in extra)
            settings[key] = value;
        return StartApp(settings);
    }

    /// <summary>A browser of its own: keeps cookies, does not follow redirects (Slack's page is not contacted).</summary>
    private static HttpClient Browser(ChatCrmApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>An install link as an admin's "admin slack install-link" issues it: the path and query to open.</summary>
    internal static async Task<string> IssueLinkAsync(ChatCrmApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var admin = new User(UserId.New(), "Install Admin", UserRole.Admin, null, "UTC", "en-US");
        db.Users.Add(admin);
        await db.SaveChangesAsync();
        var issued = await scope.ServiceProvider.GetRequiredService<SlackInstallLinks>().IssueAsync(admin.Id, "Slack", CancellationToken.None);
        return issued!.Value.Address.PathAndQuery;
    }

    private static async Task<string> StartInstallAsync(HttpClient browser, ChatCrmApp app)
    {
        using var response = await browser.GetAsync(await IssueLinkAsync(app));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return QueryHelpers.ParseQuery(response.Headers.Location!.Query)["state"].ToString();
    }

    private async Task InstallAsync(ChatCrmApp app, string teamId, string token)
    {
        var browser = Browser(app);
        var state = await StartInstallAsync(browser, app);
        using var response = await browser.GetAsync($"/slack/oauth/callback?code={Slack.IssueCode(teamId, teamId, token)}&state={Uri.EscapeDataString(state)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task AssertRefusedAsync(ChatCrmApp app, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("expired or was not started in this browser", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Slack.Exchanges);
        Assert.Equal(0, await app.WithDatabaseAsync(db => db.SlackInstallations.CountAsync()));
    }

    /// <summary>Polls until the background worker has done its part (fails after a generous while).</summary>
    private static async Task<T> WaitForAsync<T>(ChatCrmApp app, Func<CrmDbContext, Task<T>> query)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                return await app.WithDatabaseAsync(query);
            }
            catch (InvalidOperationException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }
}
