using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Channels.Teams;

/// <summary>
/// With an app id configured, a call is accepted only with a Bot Framework token that passes every rule; a
/// token wrong in any one way is refused with 401 and nothing is stored or answered. The issuer is a local
/// fake with its own RSA key, found through the configurable OpenID metadata address.
/// </summary>
public sealed class TokenValidationTests : IAsyncLifetime
{
    private const string AppId = "3d8c1b9e-5a4f-4e2b-9c7d-1f0e2d3c4b5a";
    private readonly SqliteTestDatabase _database = SqliteTestDatabase.MigratedFile();
    private FakeBotConnector _connector = null!;
    private FakeBotFrameworkIssuer _issuer = null!;
    private ChatCrmApp _app = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        _issuer = await FakeBotFrameworkIssuer.StartAsync();
        _app = new ChatCrmApp(_database, new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "not-a-real-secret",
            ["Teams:OpenIdMetadataUrl"] = _issuer.MetadataUrl.ToString(),
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _issuer.DisposeAsync();
        await _connector.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Theory]
    [InlineData(AppId)]
    [InlineData("api://" + AppId)]
    public async Task ValidToken_IsAccepted(string audience)
    {
        using var response = await PostMembersAddedAsync(_issuer.Token(audience, _connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(_issuer.MetadataRequests > 0);
    }

    public static TheoryData<string> Forgeries => ["wrong audience", "wrong issuer", "expired", "stranger's key", "other service URL", "channel the key is not endorsed for"];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task TokenWrongInOneWay_Is401AndNothingIsStoredOrAnswered(string forgery)
    {
        var token = forgery switch
        {
            "wrong audience" => _issuer.Token("6f1e2d3c-0000-4000-8000-000000000000", _connector.ServiceUrl),
            "wrong issuer" => _issuer.Token(AppId, _connector.ServiceUrl, issuer: "https://sts.attacker.example/"),
            "expired" => _issuer.Token(AppId, _connector.ServiceUrl, expiresIn: TimeSpan.FromMinutes(-10)),
            "stranger's key" => _issuer.Token(AppId, _connector.ServiceUrl, signWithStrangerKey: true),
            _ => _issuer.Token(AppId, new Uri("https://smba.trafficmanager.net/emea/")),
        };
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var activity = TeamsActivities.Message(_connector.ServiceUrl, "a:1", CrmData.Ana, "help");
        if (forgery == "channel the key is not endorsed for")
            activity["channelId"] = "directline";

        using var response = await client.PostAsJsonAsync("/api/messages", activity);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_connector.Activities);
        Assert.Equal(0, await _app.WithDatabaseAsync(db => db.Users.CountAsync()));
    }

    private Task<HttpResponseMessage> PostMembersAddedAsync(string token)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        // Someone else joining: accepted with 200 and no reply, so no outbound token is needed.
        var activity = TeamsActivities.Base("conversationUpdate", _connector.ServiceUrl, "a:1", CrmData.Ana);
        activity["membersAdded"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["id"] = "29:someone-else" });
        return client.PostAsJsonAsync("/api/messages", activity);
    }
}
