using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.HandOver;

/// <summary>
/// Handing customers over through Slack's /crm, in English and Spanish: the confirmation as Block Kit, the press of
/// Confirm, and the new owner's one message as a direct message in Slack (the only chat they have linked).
/// </summary>
public sealed class HandOverSlackTests : SlackTestBase
{
    private static readonly SlackUser Jorge = new("T0ACME", "U0JORGE", "jorge");

    private User _lucia = null!;
    private User _jorge = null!;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Work:PollInterval"] = "00:00:00.100" };

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var pilar = await AddSlackUserAsync(db, Pilar, UserRole.Manager, "Dirección");
        _lucia = await AddSlackUserAsync(db, Lucia, UserRole.SalesRep, "Iberia", locale: "es-ES");
        _jorge = await AddSlackUserAsync(db, Jorge, UserRole.SalesRep, "Iberia", locale: "es-ES");
        _lucia.ReportTo(pilar.Id);
        _jorge.ReportTo(pilar.Id);
        await db.SaveChangesAsync();
        var maria = await db.AddCustomerAsync("María Núñez", "Acme Ibérica", owner: _lucia);
        var then = DateTimeOffset.UtcNow.AddDays(-5);
        db.Interactions.Add(Interaction.Log(maria.Id, _lucia.Id, then, then, InteractionChannel.Phone, InteractionKind.Call, "Call about the renewal", null,
            DateOnly.FromDateTime(then.UtcDateTime).AddDays(2)));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task ReassignAll_InEnglish_ConfirmMovesTheBookAndTheNewOwnerGetsASpanishDirectMessage()
    {
        var client = Client(Pilar);
        await client.CommandAsync("reassign all from lucia to jorge");
        var confirmation = (await Slack.WaitForCallsAsync(1))[0];
        Assert.Contains("Hand over 1 customer?", confirmation.Text, StringComparison.Ordinal);

        await client.PressAsync(Button(confirmation, "Confirm"));

        // The answer to the press, then the notice: conversations.open and chat.postMessage to the new owner.
        var calls = await Slack.WaitForCallsAsync(4, TimeSpan.FromSeconds(20));
        Assert.Contains(calls, c => c.Text.Contains("Done: 1 customer handed to jorge", StringComparison.Ordinal));
        var notice = Assert.Single(calls, c => c.Text.Contains("te ha traspasado", StringComparison.Ordinal));
        Assert.Contains("pilar te ha traspasado 1 cliente de lucia: María Núñez.", notice.Text, StringComparison.Ordinal);
        Assert.Equal("DU0JORGE", (string?)notice.Body["channel"]);
        Assert.Equal(_jorge.Id, await App.WithDatabaseAsync(db => db.Customers.Select(c => c.OwnerId).SingleAsync()));
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.HandedOver && a.Actor != _lucia.Id)));
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task ReassignAll_OverdueFollowUpLuciaPromised_MovesToJorgesHomeAndLeavesHers()
    {
        var client = Client(Pilar);
        await client.CommandAsync("reassign all from lucia to jorge");
        var confirmation = (await Slack.WaitForCallsAsync(1))[0];
        Assert.Contains("those lucia promised go too", confirmation.Text, StringComparison.Ordinal);
        await client.PressAsync(Button(confirmation, "Confirm"));
        var calls = await Slack.WaitForCallsAsync(4, TimeSpan.FromSeconds(20));
        Assert.Contains(calls, c => c.Text.Contains("Done: 1 customer handed to jorge (1 open follow-up too).", StringComparison.Ordinal));
        Assert.Contains(calls, c => c.Text.Contains("Con ellos: 1 seguimiento pendiente.", StringComparison.Ordinal));

        var jorgesHome = await HomeOfAsync(Jorge, "D0J");
        var luciasHome = await HomeOfAsync(Lucia, "D0L");

        Assert.Contains("María Núñez", jorgesHome, StringComparison.Ordinal);
        Assert.Contains("días de retraso", jorgesHome, StringComparison.Ordinal);
        Assert.Contains("Nada vencido", luciasHome, StringComparison.Ordinal);
        var promise = await App.WithDatabaseAsync(db => db.Interactions.SingleAsync());
        Assert.Equal((_lucia.Id, _jorge.Id), (promise.LoggedBy, promise.FollowUpOwner!.Value));
    }

    [Fact]
    public async Task Reasignar_RepInSpanish_IsRefusedAndNothingMoves()
    {
        await Client(Lucia).CommandAsync("reasignar María Núñez a jorge");

        var reply = (await Slack.WaitForCallsAsync(1)).Single();
        Assert.Contains("Traspasar clientes es cosa de responsables y administradores", reply.Text, StringComparison.Ordinal);
        Assert.Equal(_lucia.Id, await App.WithDatabaseAsync(db => db.Customers.Select(c => c.OwnerId).SingleAsync()));
    }

    private async Task<string> HomeOfAsync(SlackUser user, string channel)
    {
        var before = Slack.Calls.Count;
        await Client(user).EventAsync(new JsonObject { ["type"] = "app_home_opened", ["user"] = user.UserId, ["channel"] = channel, ["tab"] = "home" });
        var published = (await Slack.WaitForCallsAsync(before + 1)).Skip(before).Single();
        Assert.Equal(("views.publish", user.UserId), (published.Method, (string?)published.Body["user_id"]));
        return published.Text;
    }

    private static JsonObject Button(SlackCall call, string title) =>
        call.Blocks.OfType<JsonObject>().Where(b => (string?)b["type"] == "actions")
            .SelectMany(b => b["elements"]!.AsArray().OfType<JsonObject>())
            .Single(b => (string?)b["text"]?["text"] == title);
}
