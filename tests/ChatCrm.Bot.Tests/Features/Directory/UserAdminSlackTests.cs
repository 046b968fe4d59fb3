using System.Net;
using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Directory;

/// <summary>
/// The admin's user forms in Slack: the same forms as Teams, as modals — "Edit" on the directory opens the edit modal
/// with the press's trigger id and the user's version as its metadata, "/crm admin user add" opens the add modal, a
/// submission with errors keeps the modal open with <c>response_action: errors</c> under the field names, a valid one
/// closes it and the worker stores the user (audited) and confirms in a direct message. Lucía is the admin.
/// </summary>
public sealed class UserAdminSlackTests : SlackTestBase
{
    private User _pilar = null!;

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        await AddSlackUserAsync(db, Lucia, UserRole.Admin, "IT");
        _pilar = await AddSlackUserAsync(db, Pilar, UserRole.SalesRep, "Iberia");
        _pilar.UseEmail("pilar@example.com");
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task EditButton_OnTheDirectory_OpensTheEditModalWithTheUsersVersion()
    {
        var client = Client();
        await client.CommandAsync("admin users");
        var list = (await Slack.WaitForCallsAsync(1)).Single();
        Assert.Contains("Users (2)", list.Text, StringComparison.Ordinal);
        var edit = Buttons(list).First(b => (string?)b["text"]?["text"] == "Edit" && ((string?)b["value"])?.Contains(_pilar.Id.Value.ToString(), StringComparison.Ordinal) == true);

        var press = await client.PressAsync(edit, triggerId: "111.222.edit");

        Assert.Equal(HttpStatusCode.OK, press.StatusCode);
        var open = Slack.Calls.Single(c => c.Method == "views.open");
        Assert.Equal(("111.222.edit", "chatcrm-user-edit"), ((string?)open.Body["trigger_id"], (string?)open.Body["view"]?["callback_id"]));
        var version = await App.WithDatabaseAsync(db => db.Users.Where(u => u.Id == _pilar.Id).Select(u => EF.Property<long>(u, "Version")).SingleAsync());
        Assert.Equal($"{_pilar.Id.Value}|{version}", (string?)open.Body["view"]?["private_metadata"]);
        Assert.Equal(["name", "email", "role", "team", "manager", "timeZone", "language"],
            open.Blocks.OfType<JsonObject>().Where(b => (string?)b["type"] == "input").Select(b => (string?)b["block_id"]));
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task AddCommand_OpensTheAddModal()
    {
        var command = await Client().CommandAsync("admin user add", triggerId: "333.444.add");

        Assert.Equal(HttpStatusCode.OK, command.StatusCode);
        var open = (await Slack.WaitForCallsAsync(1)).Single();
        Assert.Equal(("views.open", "chatcrm-user-add", "Add a user"),
            (open.Method, (string?)open.Body["view"]?["callback_id"], (string?)open.Body["view"]?["title"]?["text"]));
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task AddSubmission_WithErrors_AnswersErrorsUnderTheFieldNamesAndStoresNothing()
    {
        var response = await SubmitAsync(Client(), "chatcrm-user-add", null,
            ("name", ""), ("email", "pilar@example.com"), ("role", "Manager"), ("timeZone", "Mars/Olympus"), ("language", "en"));

        var errors = await ErrorsAsync(response);
        Assert.Equal(["email", "name", "timeZone"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains("already in the directory", (string?)errors["email"], StringComparison.Ordinal);
        Assert.Equal(2, await App.WithDatabaseAsync(db => db.Users.CountAsync()));
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.InboxItems.CountAsync()));
    }

    [Fact]
    public async Task AddSubmission_Valid_ClosesTheModalAndTheWorkerStoresAndAuditsTheUser()
    {
        var response = await SubmitAsync(Client(), "chatcrm-user-add", null,
            ("name", "Hannah Schmidt"), ("email", "Hannah@Example.com"), ("role", "SupportAgent"), ("team", "Support"), ("manager", ""),
            ("timeZone", "Europe/Berlin"), ("language", "en"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var calls = await Slack.WaitForCallsAsync(2);
        Assert.Contains("Added Hannah Schmidt", calls[1].Text, StringComparison.Ordinal);
        var hannah = await App.WithDatabaseAsync(db => db.Users.SingleAsync(u => u.Email == "hannah@example.com"));
        Assert.Equal((UserRole.SupportAgent, "Support", "Europe/Berlin"), (hannah.Role, hannah.Team, hannah.TimeZone));
        var entry = await App.WithDatabaseAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.DirectoryChanged));
        Assert.Equal("Slack", entry.Channel);
        Assert.StartsWith($"users add: user {hannah.Id}; role: SupportAgent", entry.Details, StringComparison.Ordinal);
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task EditSubmission_StaleVersion_IsRefusedAndNothingChanges()
    {
        var errors = await ErrorsAsync(await SubmitAsync(Client(), "chatcrm-user-edit", $"{_pilar.Id.Value}|99",
            ("name", "Pilar"), ("role", "Manager"), ("timeZone", "Europe/Madrid"), ("language", "en")));

        Assert.Contains("Someone changed this user meanwhile", (string?)errors["name"], StringComparison.Ordinal);
        Assert.Equal(UserRole.SalesRep, await App.WithDatabaseAsync(db => db.Users.Where(u => u.Id == _pilar.Id).Select(u => u.Role).SingleAsync()));
    }

    [Fact]
    public async Task AddSubmission_Rep_IsRefusedInTheModal()
    {
        var errors = await ErrorsAsync(await SubmitAsync(Client(Pilar), "chatcrm-user-add", null, ("name", "X"), ("email", "x@example.com"), ("role", "Admin")));

        Assert.Contains("Admin commands are for ChatCrm administrators", (string?)errors["name"], StringComparison.Ordinal);
        Assert.Equal(2, await App.WithDatabaseAsync(db => db.Users.CountAsync()));
    }

    private static List<JsonObject> Buttons(SlackCall call) =>
        call.Blocks.OfType<JsonObject>().Where(b => (string?)b["type"] == "actions").SelectMany(b => b["elements"]!.AsArray().OfType<JsonObject>()).ToList();

    private static Task<HttpResponseMessage> SubmitAsync(SlackClient client, string callbackId, string? metadata, params (string Id, string Value)[] values) =>
        client.SubmitViewAsync(callbackId, values.Select(v => (v.Id, v.Id is "role" or "language"
            ? SlackViewSubmission.Selected(v.Value) : SlackViewSubmission.Typed(v.Value))), metadata);

    private static async Task<JsonObject> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("errors", (string?)answer["response_action"]);
        return answer["errors"]!.AsObject();
    }
}
