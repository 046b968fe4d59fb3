using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Channels.Teams;

/// <summary>The messaging endpoint fails closed: without proof that a call comes from the Bot Framework, it is refused with 401.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = SqliteTestDatabase.MigratedFile();
    private FakeBotConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeBotConnector.StartAsync();

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Production_WithoutCredentials_RefusesEvenWithTheDangerousSwitchOn()
    {
        await using var app = new ChatCrmApp(_database, new Dictionary<string, string?>
        {
            ["Teams:DangerouslyAllowUnauthenticatedRequests"] = "true",
            ["Directory:DemoEnrollUnknownUsersAs"] = "SalesRep",
        }, environment: "Production");

        var turn = await app.Chat(_connector, CrmData.Ana).SendAsync("help");

        Assert.Equal(HttpStatusCode.Unauthorized, turn.Status);
        Assert.Empty(_connector.Activities);
        Assert.Equal(0, await app.WithDatabaseAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Development_WithoutTheDangerousSwitch_Refuses()
    {
        await using var app = new ChatCrmApp(_database, new Dictionary<string, string?> { ["Teams:DangerouslyAllowUnauthenticatedRequests"] = "false" });

        var turn = await app.Chat(_connector, CrmData.Ana).SendAsync("help");

        Assert.Equal(HttpStatusCode.Unauthorized, turn.Status);
        Assert.Empty(_connector.Activities);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer aaa.bbb.ccc")]
    [InlineData("Bearer eyJhbGciOiJub25lIn0.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0.")]
    public async Task WithCredentials_MissingOrUnusableToken_Is401AndNothingIsStored(string? authorization)
    {
        await using var app = new ChatCrmApp(_database, new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "3d8c1b9e-5a4f-4e2b-9c7d-1f0e2d3c4b5a",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
            // Never reached: the token is refused before any key is needed. Loopback, in case it ever were.
            ["Teams:OpenIdMetadataUrl"] = "http://127.0.0.1:9/.well-known/openidconfiguration",
        });
        var client = app.CreateClient();
        if (authorization is not null)
            client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(authorization);

        using var response = await client.PostAsJsonAsync("/api/messages", TeamsActivities.Message(_connector.ServiceUrl, "a:1", CrmData.Ana, "help"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_connector.Activities);
        Assert.Equal(0, await app.WithDatabaseAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task IncompleteCredentials_StopStartUp()
    {
        await using var app = new ChatCrmApp(_database, new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = "3d8c1b9e-5a4f-4e2b-9c7d-1f0e2d3c4b5a",
            ["MicrosoftAppPassword"] = "secret",
        });

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("MicrosoftAppTenantId", failure.ToString(), StringComparison.Ordinal);
    }
}
