using System.Net;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Channels.Undecodable;

/// <summary>
/// Slack's endpoints fed signed text no decoder can read — an event, a slash command, a button press and an options
/// request (<c>block_suggestion</c>) — answer 400 with a problem and put nothing in the inbox; unsigned, the same body
/// is still a 401, as the signature is checked before anything looks inside.
/// </summary>
public sealed class SlackUndecodableTextTests : SlackTestBase
{
    protected override async Task ArrangeAsync(CrmDbContext db) => await AddSlackUserAsync(db, Lucia);

    [Theory]
    [MemberData(nameof(UndecodableText.JsonFaults), MemberType = typeof(UndecodableText))]
    public async Task Events_UndecodableText_Is400Problem(string fault)
    {
        var (body, contentType) = UndecodableText.Json(Event().ToJsonString(), fault);

        await AssertRefusedAsync(await Client().PostAsync("/slack/events", body, contentType));
    }

    [Theory]
    [MemberData(nameof(UndecodableText.FormFaults), MemberType = typeof(UndecodableText))]
    public async Task Commands_UndecodableText_Is400Problem(string fault)
    {
        var (body, contentType) = UndecodableText.Form(Command(), fault);

        await AssertRefusedAsync(await Client().PostAsync("/slack/commands", body, contentType));
    }

    [Theory]
    [MemberData(nameof(UndecodableText.PayloadFaults), MemberType = typeof(UndecodableText))]
    public async Task Interactions_ButtonPressWithUndecodableText_Is400Problem(string fault)
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["team"] = new JsonObject { ["id"] = Lucia.TeamId },
            ["user"] = new JsonObject { ["id"] = Lucia.UserId, ["name"] = Lucia.Name, ["team_id"] = Lucia.TeamId },
            ["channel"] = new JsonObject { ["id"] = "C0SALES" },
            ["trigger_id"] = "1234567890.abc",
            ["response_url"] = Slack.NewResponseUrl().AbsoluteUri,
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button",
                ["action_id"] = "find",
                ["block_id"] = "b1",
                ["value"] = UndecodableText.Marker,
                ["action_ts"] = "1700000000.123",
            }),
        };
        var (body, contentType) = UndecodableText.Form(SlackClient.FormText(new Dictionary<string, string> { ["payload"] = payload.ToJsonString() }), fault);

        await AssertRefusedAsync(await Client().PostAsync("/slack/interactions", body, contentType));
    }

    [Theory]
    [MemberData(nameof(UndecodableText.PayloadFaults), MemberType = typeof(UndecodableText))]
    public async Task Interactions_OptionsRequestWithUndecodableText_Is400Problem(string fault)
    {
        var payload = new JsonObject
        {
            ["type"] = "block_suggestion",
            ["team"] = new JsonObject { ["id"] = Lucia.TeamId },
            ["user"] = new JsonObject { ["id"] = Lucia.UserId, ["name"] = Lucia.Name, ["team_id"] = Lucia.TeamId },
            ["action_id"] = "customer",
            ["block_id"] = "customer",
            ["value"] = UndecodableText.Marker,
        };
        var (body, contentType) = UndecodableText.Form(SlackClient.FormText(new Dictionary<string, string> { ["payload"] = payload.ToJsonString() }), fault);

        await AssertRefusedAsync(await Client().PostAsync("/slack/interactions", body, contentType));
    }

    [Theory]
    [MemberData(nameof(UndecodableText.FormFaults), MemberType = typeof(UndecodableText))]
    public async Task Commands_UndecodableTextUnsigned_Is401(string fault)
    {
        var (body, contentType) = UndecodableText.Form(Command(), fault);

        using var response = await Client().PostRawAsync("/slack/commands", body, contentType, SlackClient.Timestamp(DateTimeOffset.UtcNow), signatureFor: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static JsonObject Event() => new()
    {
        ["team_id"] = Lucia.TeamId,
        ["api_app_id"] = "A0CRM",
        ["type"] = "event_callback",
        ["event_id"] = $"Ev{Guid.NewGuid():N}",
        ["event"] = new JsonObject
        {
            ["type"] = "message",
            ["channel_type"] = "im",
            ["channel"] = "D0" + Lucia.UserId,
            ["user"] = Lucia.UserId,
            ["text"] = "find " + UndecodableText.Marker,
            ["ts"] = "1700000000.000200",
        },
    };

    private string Command() => SlackClient.FormText(new Dictionary<string, string>
    {
        ["team_id"] = Lucia.TeamId,
        ["channel_id"] = "C0SALES",
        ["user_id"] = Lucia.UserId,
        ["user_name"] = Lucia.Name,
        ["command"] = "/crm",
        ["text"] = "find " + UndecodableText.Marker,
        ["response_url"] = Slack.NewResponseUrl().AbsoluteUri,
        ["trigger_id"] = "1234567890.abc",
    });

    private async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.InboxItems.CountAsync()));
    }
}
