using ChatCrm.Bot.Features.Cases;
using System.Net;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Cases;

/// <summary>
/// Working a case from Slack: the case card through /crm, "Edit" opening the case modal with the press's trigger id,
/// its submission checked per field (errors kept in the modal) and applied by the worker, and "/crm case new" without a
/// title opening the new-case modal. Lucía's stored locale is Spanish, Kate's English (Slack sends no locale).
/// </summary>
public sealed class SlackCaseModalTests : SlackTestBase
{
    private static readonly SlackUser Kate = new("T0ACME", "U0KATE", "kate");

    private string _number = string.Empty;
    private UserId _kate;

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var lucia = await AddSlackUserAsync(db, Lucia, UserRole.SupportAgent, "Support", locale: "es-ES");
        var kate = new User(UserId.New(), "Kate Moss", UserRole.SupportAgent, "Support", "Europe/London", "en-GB");
        kate.LinkSlack(Kate.TeamId, Kate.UserId);
        db.Users.Add(kate);
        _kate = kate.Id;
        var maria = await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria.nunez@acme.es", owner: lucia);
        var supportCase = SupportCase.Open(maria.Id, "Impresora sin conexión", null, CasePriority.Normal, null, lucia.Id, "Support",
            DateTimeOffset.UtcNow.AddHours(-1), SlaTable.Default);
        db.SupportCases.Add(supportCase);
        await db.SaveChangesAsync();
        _number = supportCase.Number;
    }

    [Fact]
    public async Task CaseCommand_English_ShowsTheCaseCardWithItsButtons()
    {
        await Client(Kate).CommandAsync($"case {_number}");

        var card = (await Slack.WaitForCallsAsync(1)).Single();
        Assert.Contains($"Case {_number}", card.Text, StringComparison.Ordinal);
        Assert.Contains("Work group", card.Text, StringComparison.Ordinal);
        Assert.Contains(Buttons(card), b => (string?)b["text"]?["text"] == "Edit");
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task EditButton_OpensTheCaseModalWithSelectsBeforeTheAck()
    {
        var client = Client();
        await client.CommandAsync($"caso {_number}");
        var card = (await Slack.WaitForCallsAsync(1)).Single();
        Assert.Contains("Grupo de trabajo", card.Text, StringComparison.Ordinal);

        var press = await client.PressAsync(Buttons(card).Single(b => (string?)b["text"]?["text"] == "Editar"), triggerId: "777.888.edit");

        Assert.Equal(HttpStatusCode.OK, press.StatusCode);
        var open = Slack.Calls.Single(c => c.Method == "views.open");
        Assert.Equal("777.888.edit", (string?)open.Body["trigger_id"]);
        Assert.Equal("chatcrm-case-edit", (string?)open.Body["view"]?["callback_id"]);
        Assert.Equal($"{_number}|1", (string?)open.Body["view"]?["private_metadata"]);
        var selects = open.Blocks.OfType<JsonObject>().Select(b => b["element"]).OfType<JsonObject>().Where(e => (string?)e["type"] == "static_select").ToList();
        Assert.Equal(["status", "priority", "assignee"], selects.Select(s => (string?)s["action_id"]));
        Assert.Contains("Kate Moss", open.Text, StringComparison.Ordinal);
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task EditSubmission_ResolveWithoutNote_KeepsTheModalOpenWithTheErrorOnTheNote()
    {
        var response = await SubmitEditAsync(Client(), $"{_number}|1", ("status", "Resolved"), ("priority", "Normal"), ("assignee", "-"), ("group", "Support"));

        var errors = await ErrorsAsync(response);
        Assert.Contains("nota", (string?)errors["note"], StringComparison.Ordinal);
        Assert.Single((await CaseAsync()).History);
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.InboxItems.CountAsync()));
    }

    [Fact]
    public async Task EditSubmission_StaleForm_IsRefusedOnTheStatus()
    {
        var errors = await ErrorsAsync(await SubmitEditAsync(Client(Kate), $"{_number}|0", ("status", "InProgress"), ("priority", "Normal")));

        Assert.Contains("changed this case since you opened the form", (string?)errors["status"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditSubmission_Valid_ClosesTheModalAndTheWorkerAppliesItAndConfirmsInADm()
    {
        var response = await SubmitEditAsync(Client(Kate), $"{_number}|1",
            ("status", "InProgress"), ("priority", "Urgent"), ("assignee", _kate.Value.ToString()), ("group", "Tier 2"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var calls = await Slack.WaitForCallsAsync(2);
        Assert.Equal(["conversations.open", "chat.postMessage"], calls.Select(c => c.Method));
        Assert.Contains("updated", calls[1].Text, StringComparison.Ordinal);
        var supportCase = await CaseAsync();
        Assert.Equal((CaseStatus.InProgress, CasePriority.Urgent, _kate, "Tier 2"),
            (supportCase.Status, supportCase.Priority, supportCase.AssignedTo!.Value, supportCase.WorkGroup));
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task CaseNewWithoutTitle_OpensTheNewCaseModalThenASubmissionOpensTheCase()
    {
        var command = await Client().CommandAsync("caso nuevo maria.nunez@acme.es", triggerId: "555.666.new");

        Assert.Equal(HttpStatusCode.OK, command.StatusCode);
        var open = (await Slack.WaitForCallsAsync(1)).Single();
        Assert.Equal(("views.open", "chatcrm-case-new"), (open.Method, (string?)open.Body["view"]?["callback_id"]));
        Assert.Equal("Nuevo caso", (string?)open.Body["view"]?["title"]?["text"]);
        Assert.Equal("maria.nunez@acme.es", (string?)open.Blocks[0]?["element"]?["initial_value"]);

        var empty = await ErrorsAsync(await SubmitAsync(Client(), "chatcrm-case-new", null, "V0NEW1", ("customer", "maria.nunez@acme.es"), ("title", " ")));
        Assert.Contains("problema", (string?)empty["title"], StringComparison.Ordinal);
        var valid = await SubmitAsync(Client(), "chatcrm-case-new", null, "V0NEW2", ("customer", "maria.nunez@acme.es"), ("title", "Lector de tarjetas roto, urgente"));

        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        var confirmation = (await Slack.WaitForCallsAsync(3))[2];
        Assert.Contains("abierto", confirmation.Text, StringComparison.Ordinal);
        Assert.Equal(2, await App.WithDatabaseAsync(db => db.SupportCases.CountAsync()));
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task NewCaseModal_TitleTooLong_IsRefusedWithTheChatCommandsWording()
    {
        var title = new string('x', SupportCase.MaxTitleLength + 1);

        var errors = await ErrorsAsync(await SubmitAsync(Client(), "chatcrm-case-new", null, "V0LONG", ("customer", "maria.nunez@acme.es"), ("title", title)));

        Assert.Equal(CaseTitleRule.TooLong(title)!.Spanish, (string?)errors["title"]);
        Assert.Contains("puede tener hasta", (string?)errors["title"], StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.SupportCases.CountAsync()));
    }

    private static List<JsonObject> Buttons(SlackCall call) =>
        call.Blocks.OfType<JsonObject>().Where(b => (string?)b["type"] == "actions").SelectMany(b => b["elements"]!.AsArray().OfType<JsonObject>()).ToList();

    private static Task<HttpResponseMessage> SubmitEditAsync(SlackClient client, string metadata, params (string Id, string Value)[] values) =>
        SubmitAsync(client, "chatcrm-case-edit", metadata, $"V{Guid.NewGuid():N}", values);

    private static Task<HttpResponseMessage> SubmitAsync(SlackClient client, string callbackId, string? metadata, string viewId, params (string Id, string Value)[] values) =>
        client.SubmitViewAsync(callbackId, values.Select(v => (v.Id, v.Id is "status" or "priority" or "assignee"
            ? SlackViewSubmission.Selected(v.Value) : SlackViewSubmission.Typed(v.Value))), metadata, viewId);

    private static async Task<JsonObject> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("errors", (string?)answer["response_action"]);
        return answer["errors"]!.AsObject();
    }

    private Task<SupportCase> CaseAsync() =>
        App.WithDatabaseAsync(db => db.SupportCases.AsNoTracking().Include(c => c.History).OrderBy(c => c.CreatedAt).FirstAsync());
}
