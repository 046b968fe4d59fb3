using System.Net;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using static ChatCrm.Bot.Tests.Channels.Slack.Shortcuts.ShortcutPayloads;

namespace ChatCrm.Bot.Tests.Channels.Slack.Shortcuts;

/// <summary>
/// A shortcut that opens no form is answered in a small modal with a 200, never an HTTP error: a callback id no form
/// declares, a person ChatCrm does not know, a role the form refuses. An unsigned shortcut opens nothing.
/// </summary>
public sealed class SlackShortcutNoticeTests : SlackTestBase
{
    private static readonly SlackUser Stranger = new("T0ACME", "U0NOBODY", "nobody");

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var lucia = await AddSlackUserAsync(db, Lucia);
        var maria = await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria.nunez@acme.es", owner: lucia);
        maria.AddIdentity(IdentityKind.SlackUser, CustomerAuthor.Key);
        await db.SaveChangesAsync();
    }

    private Task<int> InboxAsync() => App.WithDatabaseAsync(db => db.InboxItems.CountAsync());

    [Theory]
    [InlineData("shortcut", "create_ticket")]
    [InlineData("message_action", "log_interaction")]
    public async Task Shortcut_UnknownCallbackId_AnswersInANoticeModalWithA200AndStoresNothing(string type, string callbackId)
    {
        var client = Client();
        var response = type == "shortcut" ? await GlobalAsync(client, callbackId) : await MessageAsync(client, Slack, "hello", CustomerAuthor, callbackId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var open = Assert.Single(Slack.Calls);
        Assert.Equal("views.open", open.Method);
        Assert.NotEqual("chatcrm-log", (string?)open.Body["view"]?["callback_id"]);
        Assert.Contains($"no shortcut called `{callbackId}`", open.Text, StringComparison.Ordinal);
        Assert.Contains("Log this message", open.Text, StringComparison.Ordinal);
        Assert.Equal([], Slack.Violations);
        Assert.Equal(0, await InboxAsync());
    }

    [Fact]
    public async Task Shortcut_UnknownCallbackIdSpanishUser_AnswersInSpanish()
    {
        await App.WithDatabaseAsync(db => AddSlackUserAsync(db, Pilar, locale: "es-ES"));

        await GlobalAsync(Client(Pilar), "crear_ticket");

        var open = Assert.Single(Slack.Calls);
        Assert.Contains("no tiene ningún atajo llamado `crear_ticket`", open.Text, StringComparison.Ordinal);
        Assert.Equal("Cerrar", (string?)open.Body["view"]?["close"]?["text"]);
    }

    [Fact]
    public async Task GlobalShortcut_PersonNotInChatCrm_GetsThePoliteNoAccessAnswerInBothLanguages()
    {
        await using var app = StartApp(new Dictionary<string, string?> { ["Directory:DemoEnrollUnknownUsersAs"] = "" });

        var response = await GlobalAsync(Client(Stranger, app));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var open = Assert.Single(Slack.Calls);
        Assert.NotEqual("chatcrm-log", (string?)open.Body["view"]?["callback_id"]);
        Assert.Contains("don't have access to ChatCrm yet", open.Text, StringComparison.Ordinal);
        Assert.Contains("Todavía no tienes acceso", open.Text, StringComparison.Ordinal);
        Assert.Equal([], Slack.Violations);
    }

    [Theory]
    [InlineData("en-US", "Only reps, support agents and managers log")]
    [InlineData("es-ES", "Solo los comerciales, los agentes de soporte y los responsables registran")]
    public async Task MessageShortcut_AdminWhoMayNotLog_IsToldSoInsteadOfGettingTheForm(string locale, string expected)
    {
        var admin = new SlackUser("T0ACME", "U0ADMIN1", "admin");
        await App.WithDatabaseAsync(db => AddSlackUserAsync(db, admin, ChatCrm.Domain.Users.UserRole.Admin, locale: locale));

        var response = await MessageAsync(Client(admin), Slack, "Please call me back", CustomerAuthor);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var open = Assert.Single(Slack.Calls);
        Assert.NotEqual("chatcrm-log", (string?)open.Body["view"]?["callback_id"]);
        Assert.Contains(expected, open.Text, StringComparison.Ordinal);
        Assert.Equal([], Slack.Violations);
        Assert.Equal(0, await InboxAsync());
    }

    [Fact]
    public async Task GlobalShortcut_Unsigned_IsRefusedAndOpensNothing()
    {
        var body = SlackClient.Form(new Dictionary<string, string>
        {
            ["payload"] = new JsonObject { ["type"] = "shortcut", ["callback_id"] = "log_interaction", ["trigger_id"] = "1.2.3",
                ["team"] = new JsonObject { ["id"] = Lucia.TeamId }, ["user"] = new JsonObject { ["id"] = Lucia.UserId } }.ToJsonString(),
        });

        var response = await Client().PostRawAsync("/slack/interactions", body, "application/x-www-form-urlencoded",
            SlackClient.Timestamp(DateTimeOffset.UtcNow), signatureFor: body, secret: "not-the-signing-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(Slack.Calls);
    }
}
