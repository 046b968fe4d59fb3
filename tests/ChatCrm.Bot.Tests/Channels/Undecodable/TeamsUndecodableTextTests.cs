using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Channels.Undecodable;

/// <summary>
/// /api/messages fed text no decoder can read — in a message, a message extension's query and a Universal Action's
/// data — answers 400 with a problem, stores nothing and replies nothing; it used to be a 500.
/// </summary>
public sealed class TeamsUndecodableTextTests : BotTestBase
{
    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var ana = await db.AddRepAsync(CrmData.Ana);
        await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria.nunez@acme.es", owner: ana);
    }

    [Theory]
    [MemberData(nameof(UndecodableText.JsonFaults), MemberType = typeof(UndecodableText))]
    public async Task Post_MessageWithUndecodableText_Is400Problem(string fault) =>
        await AssertRefusedAsync(TeamsActivities.Message(Connector.ServiceUrl, "a:1", CrmData.Ana, "log " + UndecodableText.Marker), fault);

    [Theory]
    [MemberData(nameof(UndecodableText.JsonFaults), MemberType = typeof(UndecodableText))]
    public async Task Post_MessageExtensionQueryWithUndecodableText_Is400Problem(string fault) =>
        await AssertRefusedAsync(TeamsActivities.Invoke(Connector.ServiceUrl, "a:1", CrmData.Ana, "composeExtension/query", new JsonObject
        {
            ["commandId"] = "searchCustomers",
            ["parameters"] = new JsonArray(new JsonObject { ["name"] = "query", ["value"] = UndecodableText.Marker }),
            ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 10 },
        }), fault);

    [Theory]
    [MemberData(nameof(UndecodableText.JsonFaults), MemberType = typeof(UndecodableText))]
    public async Task Post_UniversalActionWithUndecodableData_Is400Problem(string fault) =>
        await AssertRefusedAsync(TeamsActivities.Invoke(Connector.ServiceUrl, "a:1", CrmData.Ana, "adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = "find",
                ["data"] = new JsonObject { ["verb"] = "find", ["customer"] = UndecodableText.Marker },
            },
            ["trigger"] = "manual",
        }), fault);

    private async Task AssertRefusedAsync(JsonObject activity, string fault)
    {
        var before = await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync());
        var (body, contentType) = UndecodableText.Json(activity.ToJsonString(), fault);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using var response = await App.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(Connector.Activities);
        Assert.Equal(before, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync()));
    }
}
