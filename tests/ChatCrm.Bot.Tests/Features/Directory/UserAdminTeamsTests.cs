using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Directory;

/// <summary>
/// The admin's user directory in Teams, as transcripts through the real host: the add form stored and audited, errors
/// shown under their fields, non-admins refused (and audited), the last admin kept, a deactivation handing the customers
/// over in the same step, and a stale edit answered with the user as they are now instead of overwriting.
/// </summary>
public sealed class UserAdminTeamsTests : BotTestBase
{
    private static readonly TeamsUser Elena = new("29:elena-chat-id", "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a", "Elena Admin");

    private User _elena = null!;
    private User _ana = null!;
    private User _tomas = null!;

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        _elena = await db.AddUserAsync(Elena, UserRole.Admin, "IT");
        _ana = await db.AddUserAsync(CrmData.Ana, UserRole.SalesRep, "Iberia");
        _ana.UseEmail("ana.garcia@example.com");
        _tomas = new User(UserId.New(), "Tomás Vidal", UserRole.SalesRep, "Iberia", "Europe/Madrid", "es-ES");
        _tomas.UseEmail("tomas.vidal@example.com");
        db.Users.Add(_tomas);
        await db.SaveChangesAsync();
        await db.AddCustomerAsync("María Núñez", "Acme Ibérica", owner: _ana);
        await db.AddCustomerAsync("Jorge Pérez", null, owner: _ana);
    }

    [Fact]
    public async Task AddForm_AdminSubmits_StoresTheUserAndAuditsTheSettings()
    {
        var chat = App.Chat(Connector, Elena);
        (await chat.SendAsync("admin user add")).ShouldSay("Add a user");

        (await chat.PressAsync("Save", Filled(chat.LastCard!, ("name", "Lucía Ferrer"), ("email", " Lucia.Ferrer@Example.com "), ("role", "Manager"),
            ("team", "LatAm"), ("manager", "ANA.GARCIA@example.com"), ("timeZone", "America/Mexico_City"), ("language", "es")))).ShouldSay("Added Lucía Ferrer");

        var lucia = await App.WithDatabaseAsync(db => db.Users.SingleAsync(u => u.Email == "lucia.ferrer@example.com"));
        Assert.Equal((UserRole.Manager, "LatAm", _ana.Id, "America/Mexico_City", "es"), (lucia.Role, lucia.Team, lucia.ManagerId, lucia.TimeZone, lucia.Locale));
        var entry = await App.WithDatabaseAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.DirectoryChanged));
        Assert.Equal((_elena.Id, "Teams"), (entry.Actor, entry.Channel));
        Assert.Equal($"users add: user {lucia.Id}; role: Manager; team: LatAm; manager: user {_ana.Id}; time zone: America/Mexico_City; locale: es", entry.Details);
    }

    [Fact]
    public async Task AddForm_BadFields_ShowsTheFormAgainWithEachErrorUnderItsFieldAndStoresNothing()
    {
        var chat = App.Chat(Connector, Elena, locale: "es-ES");
        (await chat.SendAsync("admin usuario nuevo")).ShouldSay("Añadir usuario");

        var turn = await chat.PressAsync("Guardar", Filled(chat.LastCard!, ("name", " "), ("email", "no-es-un-correo"), ("timeZone", "Marte/Olimpo")));

        turn.ShouldSay("Aún no se ha guardado nada", "El nombre es obligatorio.", "«no-es-un-correo» no es una dirección de correo.", "«Marte/Olimpo» no es una zona horaria");
        var body = chat.LastCard!.Card!["body"]!.AsArray().OfType<JsonObject>().ToList();
        Assert.True(Index(body, "name") < Index(body, "El nombre es obligatorio") && Index(body, "El nombre es obligatorio") < Index(body, "email"));
        Assert.Equal("no-es-un-correo", (string?)body.Single(b => (string?)b["id"] == "email")["value"]);
        Assert.Equal(3, await App.WithDatabaseAsync(db => db.Users.CountAsync()));
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.DirectoryChanged)));
    }

    [Fact]
    public async Task UserCommandsAndButtons_Rep_AreRefusedAndAudited()
    {
        var admin = App.Chat(Connector, Elena);
        await admin.SendAsync("admin user Tomás Vidal");
        var card = admin.LastCard!;

        (await App.Chat(Connector, CrmData.Ana).SendAsync("admin users")).ShouldSay("Admin commands are for ChatCrm administrators");
        (await App.Chat(Connector, CrmData.Ana).PressOnAsync(card, "Edit")).ShouldSay("Admin commands are for ChatCrm administrators");

        var refusals = await App.WithDatabaseAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.AdminCommandRefused).Select(a => a.Details).ToListAsync());
        Assert.Equal(["admin users; role SalesRep", "admin-user-edit; role SalesRep"], refusals.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EditForm_DemotingTheLastAdmin_IsRefusedOnTheRoleAndNothingChanges()
    {
        var chat = App.Chat(Connector, Elena);
        (await chat.SendAsync("admin user Elena Admin")).ShouldSay("Elena Admin", "admin");
        await chat.PressAsync("Edit");

        (await chat.PressAsync("Save", Filled(chat.LastCard!, ("role", "SalesRep")))).ShouldSay("is the last admin");

        Assert.Equal(UserRole.Admin, await App.WithDatabaseAsync(db => db.Users.Where(u => u.Id == _elena.Id).Select(u => u.Role).SingleAsync()));
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.DirectoryChanged)));
    }

    [Fact]
    public async Task EditForm_Valid_SavesAndAuditsBeforeAndAfter()
    {
        var chat = App.Chat(Connector, Elena);
        await chat.SendAsync("admin users");
        await chat.PressAsync("Edit");
        Assert.Contains("Edit Ana García", chat.LastCard!.Text, StringComparison.Ordinal);

        (await chat.PressAsync("Save", Filled(chat.LastCard!, ("role", "Manager"), ("team", "LatAm")))).ShouldSay("Saved Ana García.", "LatAm");

        var entry = await App.WithDatabaseAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.DirectoryChanged));
        Assert.Equal($"users update: user {_ana.Id}; role: SalesRep -> Manager; team: Iberia -> LatAm", entry.Details);
        Assert.Equal(_elena.Id, entry.Actor);
    }

    [Fact]
    public async Task DeactivateForm_WithHandOver_MovesTheCustomersInTheSameStep()
    {
        var chat = App.Chat(Connector, Elena);
        await chat.SendAsync("admin user ana.garcia@example.com");
        (await chat.PressAsync("Deactivate")).ShouldSay("Their 2 customer(s) go to the colleague you name");

        (await chat.PressAsync("Deactivate", ("handOverTo", "Tomás Vidal"))).ShouldSay("Ana García is deactivated; 2 customer(s) handed over to Tomás Vidal.");

        Assert.False(await App.WithDatabaseAsync(db => db.Users.Where(u => u.Id == _ana.Id).Select(u => u.DeactivatedAt == null).SingleAsync()));
        Assert.Equal(2, await App.WithDatabaseAsync(db => db.Customers.CountAsync(c => c.OwnerId == _tomas.Id)));
        var entry = await App.WithDatabaseAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.DirectoryChanged));
        Assert.Equal($"users deactivate: user {_ana.Id}; active -> deactivated; role: SalesRep; 2 customer(s) handed over to user {_tomas.Id}", entry.Details);
        (await App.Chat(Connector, CrmData.Ana).SendAsync("help")).ShouldSay("deactivated");
    }

    [Fact]
    public async Task DeactivateForm_NobodyOrAnAdminNamed_IsRefusedUnderTheField()
    {
        var chat = App.Chat(Connector, Elena);
        await chat.SendAsync("admin user Ana García");
        await chat.PressAsync("Deactivate");

        (await chat.PressAsync("Deactivate", ("handOverTo", "Nadie Conocido"))).ShouldSay("⚠ No single ChatCrm user is called \"Nadie Conocido\"");
        (await chat.PressAsync("Deactivate", ("handOverTo", "Elena Admin"))).ShouldSay("cannot own customers");

        Assert.Equal(2, await App.WithDatabaseAsync(db => db.Customers.CountAsync(c => c.OwnerId == _ana.Id)));
    }

    [Fact]
    public async Task EditForm_UserChangedMeanwhile_SavesNothingAndShowsTheUserAsTheyAreNow()
    {
        var chat = App.Chat(Connector, Elena);
        await chat.SendAsync("admin user Ana García");
        await chat.PressAsync("Edit");
        var form = chat.LastCard!;
        await App.WithDatabaseAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == _ana.Id)).MoveToTeam("Norte");
            await db.SaveChangesAsync();
        });

        (await chat.PressOnAsync(form, "Save", Filled(form, ("role", "Manager")))).ShouldSay("Someone changed this user meanwhile", "Norte");

        var ana = await App.WithDatabaseAsync(db => db.Users.SingleAsync(u => u.Id == _ana.Id));
        Assert.Equal((UserRole.SalesRep, "Norte"), (ana.Role, ana.Team));
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.DirectoryChanged)));
    }

    /// <summary>Every input of the form as Teams submits it: what the card shows, with <paramref name="changes"/> typed over it.</summary>
    internal static (string Input, string Value)[] Filled(CapturedActivity card, params (string Input, string Value)[] changes)
    {
        var values = card.Card!["body"]!.AsArray().OfType<JsonObject>()
            .Where(b => ((string?)b["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true)
            .ToDictionary(b => (string)b["id"]!, b => (string?)b["value"] ?? string.Empty, StringComparer.Ordinal);
        foreach (var (input, value) in changes)
            values[input] = value;
        return [.. values.Select(v => (v.Key, v.Value))];
    }

    private static int Index(List<JsonObject> body, string idOrText) =>
        body.FindIndex(b => (string?)b["id"] == idOrText || ((string?)b["text"])?.Contains(idOrText, StringComparison.Ordinal) == true);
}
