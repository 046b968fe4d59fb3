using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Channels.Teams;
using ChatCrm.Bot.Hosting;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Channels.Teams;

/// <summary>
/// /api/messages serves only the Teams channel and the tenants in Teams:AllowedTenants: anything else is a 403 with a
/// problem, and nothing is stored or sent. Start-up refuses a MultiTenant bot that names no tenants outside
/// Development, and Development refuses to listen beyond loopback.
/// </summary>
public sealed class ActivityOriginTests : BotTestBase
{
    private const string OtherTenant = "99999999-9999-4999-8999-999999999999";

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Teams:AllowedTenants:0"] = TeamsActivities.TenantId };

    protected override async Task ArrangeAsync(CrmDbContext db) => await db.AddRepAsync(CrmData.Ana);

    [Fact]
    public async Task Post_FromAnAllowedTenant_IsServed()
    {
        var turn = await App.Chat(Connector, CrmData.Ana).SendAsync("help");

        Assert.Equal(HttpStatusCode.OK, turn.Status);
        Assert.NotEmpty(turn.Messages);
    }

    [Theory]
    [InlineData("another tenant")]
    [InlineData("another tenant in channelData only")]
    [InlineData("no tenant")]
    [InlineData("channel emulator")]
    [InlineData("channel webchat")]
    [InlineData("channel directline")]
    public async Task Post_FromAnotherTenantOrChannel_Is403AndNothingHappens(string origin)
    {
        var activity = TeamsActivities.Message(Connector.ServiceUrl, "a:1", CrmData.Ana, "help");
        switch (origin)
        {
            case "another tenant":
                activity["conversation"]!["tenantId"] = OtherTenant;
                activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = OtherTenant } };
                break;
            case "another tenant in channelData only":
                activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = OtherTenant } };
                break;
            case "no tenant":
                activity["conversation"]!.AsObject().Remove("tenantId");
                activity.Remove("channelData");
                break;
            default:
                activity["channelId"] = origin["channel ".Length..];
                break;
        }
        var before = await App.WithDatabaseAsync(db => db.ConversationReferences.CountAsync());

        using var response = await App.CreateClient().PostAsJsonAsync("/api/messages", activity);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(Connector.Activities);
        Assert.Equal(before, await App.WithDatabaseAsync(db => db.ConversationReferences.CountAsync()));
    }

    [Fact]
    public async Task StartUp_MultiTenantBotOutsideDevelopmentWithoutAllowedTenants_Fails()
    {
        await using var app = new ChatCrmApp(Database, MultiTenantBot(), environment: "Production");

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Teams:AllowedTenants", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartUp_MultiTenantBotOutsideDevelopmentServingAnyTenant_Starts()
    {
        var settings = MultiTenantBot();
        settings["Teams:AllowedTenants:0"] = "any";
        await using var app = new ChatCrmApp(Database, settings, environment: "Production");

        using var response = await app.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("http://0.0.0.0:3978")]
    [InlineData("http://*:3978")]
    [InlineData("http://127.0.0.1:3978;http://192.168.1.20:3978")]
    [InlineData("http://crm.example.com:3978")]
    public async Task StartUp_DevelopmentBeyondLoopback_FailsNamingTheOverride(string urls)
    {
        await using var app = new ChatCrmApp(Database, new Dictionary<string, string?> { ["Urls"] = urls });

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains(DevelopmentListening.OverrideKey, failure.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://0.0.0.0:3978", "true")]
    [InlineData("http://localhost:3978;http://[::1]:3978", null)]
    public async Task StartUp_DevelopmentOnLoopbackOrWithTheOverride_Starts(string urls, string? dangerously)
    {
        await using var app = new ChatCrmApp(Database, new Dictionary<string, string?> { ["Urls"] = urls, [DevelopmentListening.OverrideKey] = dangerously });

        using var response = await app.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void AllowedTenants_SingleTenantBotWithoutTheSetting_IsItsOwnTenant()
    {
        var credentials = new BotCredentials { MicrosoftAppType = BotAppType.SingleTenant, MicrosoftAppId = Guid.NewGuid().ToString(), MicrosoftAppTenantId = OtherTenant };

        Assert.Equal([OtherTenant], ActivityOrigin.AllowedTenants(new TeamsOptions(), credentials)!);
    }

    private static Dictionary<string, string?> MultiTenantBot() => new()
    {
        ["MicrosoftAppType"] = "MultiTenant",
        ["MicrosoftAppId"] = "3d8c1b9e-5a4f-4e2b-9c7d-1f0e2d3c4b5a",
        ["MicrosoftAppPassword"] = "not-a-real-secret",
    };
}
