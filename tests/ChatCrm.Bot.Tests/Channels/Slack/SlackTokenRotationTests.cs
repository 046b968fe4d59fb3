using System.Net;
using ChatCrm.Bot.Channels.Slack.Install;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Bot.Tests.Channels.Slack;

/// <summary>
/// Token rotation (refresh before expiry with oauth.v2.access grant_type=refresh_token, stored encrypted, safe with
/// two instances) and organisation-wide Enterprise Grid installs (one token for every workspace of the grid).
/// The fake Slack checks the client credentials and spends each refresh token once.
/// </summary>
public sealed class SlackTokenRotationTests : SlackTestBase
{
    private const string InstallToken = "xoxe.xoxb-installed";
    private static readonly SlackUser Pedro = new("T0GLOBEX", "U0PEDRO", "pedro");
    private static readonly SlackUser Bruce = new("T0WAYNE", "U0BRUCE", "bruce");

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Slack:ClientId"] = FakeSlack.ClientId,
        ["Slack:ClientSecret"] = FakeSlack.ClientSecret,
        ["Slack:OAuthRedirectUrl"] = FakeSlack.RedirectUrl,
    };

    protected override Task ArrangeAsync(CrmDbContext db) => Task.CompletedTask;

    [Fact]
    public async Task Install_WithRotation_StoresTheRefreshTokenEncryptedAndUsesTheTokenWhileFresh()
    {
        await InstallAsync(Pedro.TeamId, expiresIn: 43200);

        await Client(Pedro).DirectMessageAsync("help");
        var calls = await Slack.WaitForCallsAsync(2);

        Assert.All(calls, c => Assert.Equal(InstallToken, c.Token));
        Assert.DoesNotContain(Slack.Exchanges, e => e.GrantType == "refresh_token");
        var stored = await App.WithDatabaseAsync(db => db.SlackInstallations.AsNoTracking().SingleAsync());
        Assert.DoesNotContain("xoxe-1-", stored.ProtectedRefreshToken!, StringComparison.Ordinal);
        Assert.InRange(stored.BotTokenExpiresAt!.Value, DateTimeOffset.UtcNow.AddHours(11), DateTimeOffset.UtcNow.AddHours(13));
    }

    [Fact]
    public async Task ExpiringToken_IsRefreshedBeforeTheCallAndTheNewTokensAreStored()
    {
        await InstallAsync(Pedro.TeamId, expiresIn: 60);
        var installedRefresh = await RefreshTokenAsync();

        await Client(Pedro).DirectMessageAsync("help");
        var call = (await Slack.WaitForCallsAsync(1))[0];

        var refresh = Assert.Single(Slack.Exchanges, e => e.GrantType == "refresh_token");
        Assert.Equal(($"{FakeSlack.ClientId}:{FakeSlack.ClientSecret}", installedRefresh), (refresh.Credentials, refresh.RefreshToken));
        Assert.Equal(Slack.RotatedTokens.Single(), call.Token);
        Assert.NotEqual(installedRefresh, await RefreshTokenAsync());
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task TwoInstancesRefreshingAtOnce_BothGetAWorkingTokenAndTheStoredRefreshTokenStaysLive()
    {
        await InstallAsync(Pedro.TeamId, expiresIn: 60);

        var tokens = await Task.WhenAll(TokenAsync(), TokenAsync());

        Assert.All(tokens, t => Assert.True(t == InstallToken || Slack.RotatedTokens.Contains(t), $"{t} is not a token Slack granted"));
        var rotations = Slack.RotatedTokens.Count;
        Assert.NotNull(await TokenAsync());
        Assert.Equal(rotations + 1, Slack.RotatedTokens.Count); // the stored refresh token was the live one
    }

    [Fact]
    public async Task EnterpriseInstall_IsStoredForTheGridAndServesItsWorkspaces()
    {
        var browser = Browser();
        var state = await StartInstallAsync(browser);
        using var page = await browser.GetAsync($"/slack/oauth/callback?code={Slack.IssueCode("E0GRID", "Grid", "xoxb-grid", enterpriseInstall: true)}&state={Uri.EscapeDataString(state)}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var stored = await App.WithDatabaseAsync(db => db.SlackInstallations.AsNoTracking().SingleAsync());
        Assert.Equal(("E0GRID", true, "E0GRID"), (stored.TeamId, stored.IsEnterpriseInstall, stored.EnterpriseId));

        await Client(Bruce).DirectMessageAsync("help", enterpriseId: "E0GRID");
        await Slack.WaitForCallsAsync(2); // users.info (an unknown account is looked up), then the answer
        await Client(Lucia).DirectMessageAsync("help");
        var all = await Slack.WaitForCallsAsync(4);

        Assert.All(all.Where(c => (string?)c.Body["channel"] == "D0" + Bruce.UserId), c => Assert.Equal("xoxb-grid", c.Token));
        Assert.All(all.Where(c => (string?)c.Body["channel"] == "D0" + Lucia.UserId), c => Assert.Equal(FakeSlack.BotToken, c.Token));
        Assert.Contains(all, c => (string?)c.Body["channel"] == "D0" + Bruce.UserId);
    }

    private async Task<string?> TokenAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SlackBotTokens>().ForWorkspaceAsync(new SlackWorkspace(Pedro.TeamId), CancellationToken.None);
    }

    private Task<string?> RefreshTokenAsync() => App.WithDatabaseAsync(async db =>
    {
        var stored = await db.SlackInstallations.AsNoTracking().SingleAsync();
        var protector = Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions.CreateProtector(
            App.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(), "ChatCrm.Slack.BotTokens.v1");
        return (string?)Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions.Unprotect(protector, stored.ProtectedRefreshToken!);
    });

    private async Task InstallAsync(string teamId, int expiresIn)
    {
        var browser = Browser();
        var state = await StartInstallAsync(browser);
        using var response = await browser.GetAsync($"/slack/oauth/callback?code={Slack.IssueCode(teamId, teamId, InstallToken, expiresIn: expiresIn)}&state={Uri.EscapeDataString(state)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private HttpClient Browser() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private async Task<string> StartInstallAsync(HttpClient browser)
    {
        using var response = await browser.GetAsync(await SlackInstallTests.IssueLinkAsync(App));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return QueryHelpers.ParseQuery(response.Headers.Location!.Query)["state"].ToString();
    }
}
