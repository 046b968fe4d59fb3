using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Channels.Teams;

/// <summary>
/// Emulator-style tokens from Microsoft Entra (v1 and v2 issuers of trusted tenants, <c>appid</c>/<c>azp</c>
/// naming this bot) are accepted; one wrong in any one way is refused with 401 and nothing is stored or answered.
/// Entra is a second local issuer with its own RSA key, found through <c>Teams:EntraOpenIdMetadataUrl</c>.
/// </summary>
public sealed class EmulatorTokenTests : IAsyncLifetime
{
    private const string AppId = "3d8c1b9e-5a4f-4e2b-9c7d-1f0e2d3c4b5a";
    private const string OtherAppId = "6f1e2d3c-0000-4000-8000-000000000000";
    private const string BotFrameworkTenant = "d6d49420-f39b-4df7-a1dc-d59a935871db";
    private const string OwnTenant = "0a1b2c3d-1111-4222-8333-444455556666";
    private const string V1 = "https://sts.windows.net/" + BotFrameworkTenant + "/";
    private const string V2 = "https://login.microsoftonline.com/" + BotFrameworkTenant + "/v2.0";
    private readonly SqliteTestDatabase _database = SqliteTestDatabase.MigratedFile();
    private FakeBotConnector _connector = null!;
    private FakeBotFrameworkIssuer _botFramework = null!;
    private FakeBotFrameworkIssuer _entra = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        _botFramework = await FakeBotFrameworkIssuer.StartAsync();
        _entra = await FakeBotFrameworkIssuer.StartAsync(endorseKeys: false);
    }

    public async Task DisposeAsync()
    {
        await _entra.DisposeAsync();
        await _botFramework.DisposeAsync();
        await _connector.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Theory]
    [InlineData(V1, "appid")]
    [InlineData(V2, "azp")]
    public async Task AuthenticateAsync_EntraTokenNamingThisBot_IsAccepted(string issuer, string appIdClaim)
    {
        await using var app = App();

        using var response = await PostMembersAddedAsync(app, _entra.Token(AppId, issuer, [new Claim(appIdClaim, AppId)]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(_entra.MetadataRequests > 0);
        Assert.Equal(0, _botFramework.MetadataRequests);
    }

    public static TheoryData<string> Forgeries =>
    [
        "v1 appid of another app", "v2 azp of another app", "v1 with the app id only in azp", "v2 with the app id only in appid",
        "untrusted tenant", "wrong audience", "expired", "stranger's key", "Bot Framework issuer on an Entra key",
        "other service URL",
    ];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task AuthenticateAsync_EntraTokenWrongInOneWay_Is401AndNothingIsStoredOrAnswered(string forgery)
    {
        await using var app = App();
        Claim[] ours = [new("appid", AppId)];
        var token = forgery switch
        {
            "v1 appid of another app" => _entra.Token(AppId, V1, [new Claim("appid", OtherAppId)]),
            "v2 azp of another app" => _entra.Token(AppId, V2, [new Claim("azp", OtherAppId)]),
            "v1 with the app id only in azp" => _entra.Token(AppId, V1, [new Claim("azp", AppId)]),
            "v2 with the app id only in appid" => _entra.Token(AppId, V2, [new Claim("appid", AppId)]),
            "untrusted tenant" => _entra.Token(AppId, $"https://sts.windows.net/{OwnTenant}/", ours),
            "wrong audience" => _entra.Token(OtherAppId, V1, ours),
            "expired" => _entra.Token(AppId, V1, ours, expiresIn: TimeSpan.FromMinutes(-10)),
            "stranger's key" => _entra.Token(AppId, V1, ours, signWithStrangerKey: true),
            "Bot Framework issuer on an Entra key" => _entra.Token(AppId, _connector.ServiceUrl),
            _ => _entra.Token(AppId, V1, [new Claim("appid", AppId), new Claim("serviceurl", "https://smba.trafficmanager.net/emea/")]),
        };

        await AssertRefusedAsync(app, token);
    }

    [Fact]
    public async Task AuthenticateAsync_SingleTenantBot_AcceptsItsOwnTenant()
    {
        await using var app = App(("MicrosoftAppType", "SingleTenant"), ("MicrosoftAppTenantId", OwnTenant));

        using var response = await PostMembersAddedAsync(app, _entra.Token(AppId, $"https://login.microsoftonline.com/{OwnTenant}/v2.0", [new Claim("azp", AppId)]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_SingleTenantBot_RefusesAnActivityFromAnotherTenantWith403()
    {
        await using var app = App(("MicrosoftAppType", "SingleTenant"), ("MicrosoftAppTenantId", OwnTenant));
        var token = _entra.Token(AppId, $"https://login.microsoftonline.com/{OwnTenant}/v2.0", [new Claim("azp", AppId)]);

        using var response = await PostMembersAddedAsync(app, token, tenant: "99999999-9999-4999-8999-999999999999");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AuthenticateAsync_UserAssignedMsiBot_AcceptsItsOwnTenantButNotAnother()
    {
        await using var app = App(("MicrosoftAppType", "UserAssignedMsi"), ("MicrosoftAppPassword", null), ("MicrosoftAppTenantId", OwnTenant));

        using var own = await PostMembersAddedAsync(app, _entra.Token(AppId, $"https://sts.windows.net/{OwnTenant}/", [new Claim("appid", AppId)]));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);

        await AssertRefusedAsync(app, _entra.Token(AppId, "https://sts.windows.net/99999999-9999-4999-8999-999999999999/", [new Claim("appid", AppId)]));
    }

    private ChatCrmApp App(params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "not-a-real-secret",
            ["Teams:OpenIdMetadataUrl"] = _botFramework.MetadataUrl.ToString(),
            ["Teams:EntraOpenIdMetadataUrl"] = _entra.MetadataUrl.ToString(),
            ["Directory:DemoEnrollUnknownUsersAs"] = "SalesRep",
        };
        foreach (var (key, value) in overrides)
            settings[key] = value;
        return new ChatCrmApp(_database, settings);
    }

    private async Task AssertRefusedAsync(ChatCrmApp app, string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.PostAsJsonAsync("/api/messages", TeamsActivities.Message(_connector.ServiceUrl, "a:1", CrmData.Ana, "help"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_connector.Activities);
        Assert.Equal(0, await app.WithDatabaseAsync(db => db.Users.CountAsync()));
    }

    /// <summary>Someone joining a conversation of <paramref name="tenant"/> (the bot's own by default).</summary>
    private Task<HttpResponseMessage> PostMembersAddedAsync(ChatCrmApp app, string token, string tenant = OwnTenant)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        // Someone else joining: accepted with 200 and no reply, so no outbound token is needed.
        var activity = TeamsActivities.Base("conversationUpdate", _connector.ServiceUrl, "a:1", CrmData.Ana);
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "29:someone-else" });
        activity["conversation"]!["tenantId"] = tenant;
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } };
        return client.PostAsJsonAsync("/api/messages", activity);
    }
}
