using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Tiers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Inbox;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.HandOver;

/// <summary>
/// Handing customers over in Teams: a manager hands a rep's whole book (or one customer) to a colleague after a
/// confirmation with the count; the open cases assigned to the previous owner and the follow-up they promised follow; every customer's move is
/// audited; the new owner gets one message through the inbox. Reps, managers of other teams and heirs who cannot own
/// customers are refused, and a confirmation whose count changed is asked again.
/// </summary>
public sealed class HandOverTeamsTests : BotTestBase
{
    private static readonly TeamsUser Carmen = new("29:carmen-handover-id", "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "Carmen Ruiz");
    private static readonly TeamsUser Luis = new("29:luis-handover-id", "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e", "Luis Pérez");
    private static readonly TeamsUser Jorge = new("29:jorge-handover-id", "3c4d5e6f-7a8b-4c9d-0e1f-2a3b4c5d6e7f", "Jorge Sanz");
    private static readonly TeamsUser Paula = new("29:paula-handover-id", "4d5e6f7a-8b9c-4d0e-1f2a-3b4c5d6e7f80", "Paula Vidal");

    private User _ana = null!;
    private User _luis = null!;
    private Customer _maria = null!;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Work:PollInterval"] = "00:00:00.100" };

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var carmen = await db.AddUserAsync(Carmen, UserRole.Manager, "Dirección Iberia", locale: "es-ES");
        _ana = await db.AddUserAsync(CrmData.Ana, UserRole.SalesRep, "Iberia", carmen);
        _luis = await db.AddUserAsync(Luis, UserRole.SalesRep, "Iberia", carmen, locale: "es-ES");
        await db.AddUserAsync(Jorge, UserRole.Manager, "Dirección Norte");
        await db.AddUserAsync(Paula, UserRole.PrivacyOfficer, "Legal");
        _maria = await db.AddCustomerAsync("María Núñez", "Acme Ibérica", owner: _ana);
        await db.AddCustomerAsync("Pedro Gil", "Gil Hermanos", owner: _ana);
        var now = CrmData.Now;
        var open = SupportCase.Open(_maria.Id, "Invoices not arriving", null, CasePriority.High, ValueTier.Gold, _ana.Id, "Support", now.AddHours(-3), SlaTable.Default);
        open.Assign(_ana.Id, "Support", _ana.Id, now.AddHours(-3));
        db.SupportCases.Add(open);
        db.Interactions.Add(Interaction.Log(_maria.Id, _ana.Id, now.AddDays(-2), now, InteractionChannel.Phone, InteractionKind.Call, "Renewal call", null,
            DateOnly.FromDateTime(now.UtcDateTime).AddDays(3)));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task ReassignAll_ManagerConfirms_BookAndOpenCasesMoveEachAuditedAndTheNewOwnerIsToldOnce()
    {
        var luisChat = App.Chat(Connector, Luis, locale: "es-ES");
        await luisChat.SendAsync("ayuda"); // his personal chat with the bot is known from now on
        var chat = App.Chat(Connector, Carmen);

        (await chat.SendAsync("reassign all from Ana García to Luis Pérez")).ShouldSay("Hand over 2 customers?", "Ana García", "Luis Pérez",
            "those assigned to Ana García go too");
        var confirmation = chat.LastCard!;
        (await chat.PressAsync("Confirm")).ShouldSay("Done: 2 customers handed to Luis Pérez (1 open case and 1 open follow-up too)");
        (await chat.PressOnAsync(confirmation, "Confirm")).ShouldSay("Ana García owns no customers now, so nothing was handed over.");

        var owners = await App.WithDatabaseAsync(db => db.Customers.Select(c => c.OwnerId).ToListAsync());
        Assert.All(owners, o => Assert.Equal(_luis.Id, o));
        Assert.Equal(_luis.Id, await App.WithDatabaseAsync(db => db.SupportCases.Select(c => c.AssignedTo).SingleAsync()));
        var audited = await App.WithDatabaseAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.HandedOver).ToListAsync());
        Assert.Equal(2, audited.Count);
        Assert.All(audited, a => Assert.Equal($"owner {_ana.Id} -> {_luis.Id}", a.Details));
        Assert.Contains(audited, a => a.CustomerId == _maria.Id);

        await Eventually.WaitUntilAsync(() => Notices(luisChat.ConversationId).Count > 0, "the hand-over notice", TimeSpan.FromSeconds(20));
        var notice = Assert.Single(Notices(luisChat.ConversationId));
        Assert.Contains("Carmen Ruiz te ha traspasado 2 clientes de Ana García: María Núñez, Pedro Gil. Con ellos: 1 caso abierto y 1 seguimiento pendiente.", notice.Text,
            StringComparison.Ordinal);
        await Eventually.WaitUntilAsync(() => App.WithDatabaseAsync(db => db.InboxItems.AnyAsync(i => i.Channel == "handover" && i.Status == InboxStatus.Done)), "the notice's completion", TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Reasignar_OneCustomerInSpanish_MovesOnlyThatCustomer()
    {
        var chat = App.Chat(Connector, Carmen, locale: "es-ES");

        (await chat.SendAsync("reasignar María Núñez a Luis Pérez")).ShouldSay("¿Traspasar María Núñez a Luis Pérez?", "Propietario actual", "Ana García");
        (await chat.PressAsync("Confirmar")).ShouldSay("Hecho: 1 cliente traspasado a Luis Pérez (y 1 caso abierto y 1 seguimiento pendiente)");

        var owners = await App.WithDatabaseAsync(db => db.Customers.ToDictionaryAsync(c => c.DisplayName, c => c.OwnerId));
        Assert.Equal(_luis.Id, owners["María Núñez"]);
        Assert.Equal(_ana.Id, owners["Pedro Gil"]);
    }

    [Fact]
    public async Task Reassign_ByARepByAnotherTeamsManagerOrToAPrivacyOfficer_IsRefusedAndNothingMoves()
    {
        (await App.Chat(Connector, CrmData.Ana).SendAsync("reassign all from Ana García to Luis Pérez"))
            .ShouldSay("Handing customers over is for managers and admins");
        (await App.Chat(Connector, Jorge).SendAsync("reassign all from Ana García to Luis Pérez"))
            .ShouldSay("I can't do that: Ana García does not report to you");
        (await App.Chat(Connector, Carmen).SendAsync("reassign María Núñez to Paula Vidal"))
            .ShouldSay("I can't hand María Núñez over: Paula Vidal is not in a role that owns customers");
        (await App.Chat(Connector, Carmen).SendAsync("reassign María Núñez to Nobody Atall"))
            .ShouldSay("No ChatCrm user matches \"Nobody Atall\"");

        var owners = await App.WithDatabaseAsync(db => db.Customers.Select(c => c.OwnerId).ToListAsync());
        Assert.All(owners, o => Assert.Equal(_ana.Id, o));
        Assert.Equal(3, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.AccessDenied)));
        Assert.False(await App.WithDatabaseAsync(db => db.InboxItems.AnyAsync(i => i.Channel == "handover")));
    }

    [Fact]
    public async Task ReassignAll_CountChangedBeforeConfirming_AsksAgainWithTheNewCount_AndCancelChangesNothing()
    {
        var chat = App.Chat(Connector, Carmen);
        await chat.SendAsync("reassign all from Ana to Luis");
        var asked = chat.LastCard!;
        await App.WithDatabaseAsync(db => db.AddCustomerAsync("Nuria Sol", "Sol y Mar", owner: _ana));

        (await chat.PressOnAsync(asked, "Confirm")).ShouldSay("The count changed since you asked (2 then, 3 now)", "Hand over 3 customers?");
        Assert.All(await App.WithDatabaseAsync(db => db.Customers.Select(c => c.OwnerId).ToListAsync()), o => Assert.Equal(_ana.Id, o));

        (await chat.PressAsync("Cancel")).ShouldSay("Nothing was handed over.");
        Assert.All(await App.WithDatabaseAsync(db => db.Customers.Select(c => c.OwnerId).ToListAsync()), o => Assert.Equal(_ana.Id, o));
    }

    private List<CapturedActivity> Notices(string conversationId) =>
        [.. Connector.Activities.Where(a => a.ConversationId == conversationId && a.Text.Contains("te ha traspasado", StringComparison.Ordinal))];
}
