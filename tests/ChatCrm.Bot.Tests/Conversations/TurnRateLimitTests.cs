using System.Net;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Conversations;

/// <summary>
/// A person past Conversation:TurnsPerUser gets one polite notice in their language — a reply in Teams, an ephemeral
/// message in Slack — never an HTTP 429 the channel would retry; later turns in the window are dropped, and other
/// people are not affected.
/// </summary>
public sealed class TurnRateLimitTests : BotTestBase
{
    private static readonly TeamsUser Luis = new("29:luis-chat-id", "5a9c7e1d-3b2f-4d6a-8e0c-2f4b6d8a0c1e", "Luis Ortega");

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Conversation:TurnsPerUser"] = "3",
        ["Conversation:TurnWindow"] = "01:00:00",
    };

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        await db.AddRepAsync(CrmData.Ana);
        await db.AddRepAsync(Luis);
    }

    [Fact]
    public async Task Teams_PastTheLimit_OneNoticeInTheUsersLanguageThenSilence()
    {
        var chat = App.Chat(Connector, CrmData.Ana, locale: "es-ES");
        for (var i = 0; i < 3; i++)
            Assert.NotEmpty((await chat.SendAsync("ayuda")).Messages);

        var limited = await chat.SendAsync("ayuda");
        var dropped = await chat.SendAsync("ayuda");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (limited.Status, dropped.Status));
        limited.ShouldSay("más rápido de lo que puedo atender");
        Assert.Empty(dropped.Messages);
        Assert.NotEmpty((await App.Chat(Connector, Luis).SendAsync("help")).Messages);
    }
}

/// <summary>The same limit in Slack: the notice is ephemeral (only the sender sees it).</summary>
public sealed class SlackTurnRateLimitTests : SlackTestBase
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Conversation:TurnsPerUser"] = "2",
        ["Conversation:TurnWindow"] = "01:00:00",
    };

    protected override async Task ArrangeAsync(CrmDbContext db) => await AddSlackUserAsync(db, Lucia, locale: "es-ES");

    [Fact]
    public async Task Slack_PastTheLimit_AnEphemeralNoticeInTheUsersLanguage()
    {
        var client = Client();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.DirectMessageAsync("ayuda")).StatusCode);

        var calls = await Slack.WaitForCallsAsync(3);

        // The inbox may deliver the second answer after the third turn's notice: which calls, not their order.
        Assert.Equal(["chat.postEphemeral", "chat.postMessage", "chat.postMessage"], calls.Select(c => c.Method).Order(StringComparer.Ordinal));
        var notice = calls.Single(c => c.Method == "chat.postEphemeral");
        Assert.Equal(Lucia.UserId, (string?)notice.Body["user"]);
        Assert.Contains("más rápido de lo que puedo atender", notice.Text, StringComparison.Ordinal);
        Assert.Empty(Slack.Violations);
    }
}
