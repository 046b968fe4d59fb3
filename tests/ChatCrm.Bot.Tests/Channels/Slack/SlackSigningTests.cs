using System.Net;
using System.Text;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Channels.Slack;

/// <summary>Request signing: anything not signed by Slack with our secret, now, over these exact bytes, is refused with 401 and stores nothing.</summary>
public sealed class SlackSigningTests : SlackTestBase
{
    protected override Task ArrangeAsync(CrmDbContext db) => AddSlackUserAsync(db, Lucia);

    private static byte[] CommandBody(string text = "help") => SlackClient.Form(new Dictionary<string, string>
    {
        ["team_id"] = Lucia.TeamId, ["user_id"] = Lucia.UserId, ["channel_id"] = "C1", ["command"] = "/crm", ["text"] = text,
        ["response_url"] = "http://127.0.0.1:9/hooks/x", ["trigger_id"] = "1.2.3",
    });

    public static TheoryData<string> Tamperings => ["wrong secret", "stale timestamp", "future timestamp", "no signature", "no timestamp", "body changed after signing", "garbled timestamp"];

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task Commands_BadSignature_Is401AndNothingIsStored(string tampering)
    {
        var client = Client();
        var body = CommandBody();
        var now = DateTimeOffset.UtcNow;
        var response = tampering switch
        {
            "wrong secret" => await client.PostRawAsync("/slack/commands", body, "application/x-www-form-urlencoded", SlackClient.Timestamp(now), body, secret: "another-secret"),
            "stale timestamp" => await client.PostRawAsync("/slack/commands", body, "application/x-www-form-urlencoded", SlackClient.Timestamp(now.AddSeconds(-310)), body),
            "future timestamp" => await client.PostRawAsync("/slack/commands", body, "application/x-www-form-urlencoded", SlackClient.Timestamp(now.AddSeconds(310)), body),
            "no signature" => await client.PostRawAsync("/slack/commands", body, "application/x-www-form-urlencoded", SlackClient.Timestamp(now), signatureFor: null),
            "no timestamp" => await client.PostRawAsync("/slack/commands", body, "application/x-www-form-urlencoded", timestamp: null, body),
            "garbled timestamp" => await client.PostRawAsync("/slack/commands", body, "application/x-www-form-urlencoded", "12ab", body),
            _ => await client.PostRawAsync("/slack/commands", CommandBody("erase everything"), "application/x-www-form-urlencoded", SlackClient.Timestamp(now), body),
        };

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.InboxItems.CountAsync()));
        Assert.Empty(Slack.Calls);
    }

    [Theory]
    [InlineData("/slack/events")]
    [InlineData("/slack/interactions")]
    public async Task OtherEndpoints_Unsigned_Are401(string path)
    {
        var body = Encoding.UTF8.GetBytes("{\"type\":\"url_verification\",\"challenge\":\"abc\"}");

        var response = await Client().PostRawAsync(path, body, "application/json", SlackClient.Timestamp(DateTimeOffset.UtcNow), signatureFor: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Commands_SignedWithin300Seconds_IsAccepted()
    {
        var body = CommandBody();

        var response = await Client().PostRawAsync("/slack/commands", body, "application/x-www-form-urlencoded",
            SlackClient.Timestamp(DateTimeOffset.UtcNow.AddSeconds(-280)), body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.InboxItems.CountAsync()));
    }

    [Fact]
    public async Task Development_EnabledWithoutSecret_RefusesEveryCall()
    {
        await using var app = StartApp(new Dictionary<string, string?> { ["Slack:SigningSecret"] = "" });
        var body = CommandBody();

        var response = await new SlackClient(app.CreateClient(), Slack, "", Lucia)
            .PostRawAsync("/slack/commands", body, "application/x-www-form-urlencoded", SlackClient.Timestamp(DateTimeOffset.UtcNow), body, secret: "guess");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Production_EnabledWithoutSecret_DoesNotStart()
    {
        await using var app = StartApp(new Dictionary<string, string?> { ["Slack:SigningSecret"] = "" }, environment: "Production");

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("signing secret", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabled_SlackEndpointsAreNotThere()
    {
        await using var app = StartApp(new Dictionary<string, string?> { ["Slack:Enabled"] = "false" });
        var body = CommandBody();

        var response = await new SlackClient(app.CreateClient(), Slack, SigningSecret, Lucia).PostAsync("/slack/commands", body, "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
