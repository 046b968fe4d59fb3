using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.CustomerUpkeep;

/// <summary>
/// "new customer" / "nuevo cliente" in Teams, as transcripts through the real host: the form stored through the
/// intake's checks (handles normalised, audited), errors under their fields in the reader's language with nothing
/// stored, a handle another customer holds refused naming them, likely duplicates offered before an explicit create,
/// owners chosen within need-to-know, roles that may not add customers refused, and "No customer found" offering it.
/// </summary>
public sealed class NewCustomerTeamsTests : BotTestBase
{
    private static readonly TeamsUser Tomas = new("29:tomas-chat-id", "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d", "Tomás Vidal");
    private static readonly TeamsUser Sofia = new("29:sofia-chat-id", "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "Sofía Soporte");
    private static readonly TeamsUser Paula = new("29:paula-chat-id", "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e", "Paula Privacidad");

    private User _ana = null!;
    private User _tomas = null!;
    private Customer _maria = null!;

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        _ana = await db.AddUserAsync(CrmData.Ana, UserRole.SalesRep, "Iberia");
        _tomas = await db.AddUserAsync(Tomas, UserRole.SalesRep, "LatAm", locale: "es-ES");
        _tomas.UseEmail("tomas.vidal@example.com");
        await db.AddUserAsync(Sofia, UserRole.SupportAgent, "Support");
        await db.AddUserAsync(Paula, UserRole.PrivacyOfficer, "Legal");
        var luis = new User(UserId.New(), "Luis Ortega", UserRole.SalesRep, "Iberia", "Europe/Madrid", "es-ES");
        luis.UseEmail("luis.ortega@example.com");
        db.Users.Add(luis);
        await db.SaveChangesAsync();
        _maria = await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria@acme.es", owner: _tomas);
    }

    [Fact]
    public async Task NewCustomer_RepFillsTheForm_CreatesItNormalisedOwnedByThemAndAudited()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        (await chat.SendAsync("new customer Lucía Ferrer")).ShouldSay("New customer");
        Assert.Equal("Lucía Ferrer", FormFields.OfAdaptiveCard(chat.LastCard!.Card!).Single(f => f.Id == "name").Value);

        (await chat.PressAsync("Create", ("name", "Lucía Ferrer"), ("company", "Ferrer SL"), ("email", " Lucia@Ferrer.ES "), ("phone", "600 123 456"),
            ("country", "es"), ("language", ""), ("owner", ""))).ShouldSay("Created Lucía Ferrer", "+34600123456", "lucia@ferrer.es");

        var lucia = await App.WithDatabaseAsync(db => db.Customers.Include(c => c.Identities).SingleAsync(c => c.DisplayName == "Lucía Ferrer"));
        Assert.Equal((_ana.Id, "ES", "es"), (lucia.OwnerId, lucia.Country.Value, lucia.PreferredLanguage.Value));
        Assert.Equal(["+34600123456", "lucia@ferrer.es"], lucia.Identities.Select(i => i.Value).Order(StringComparer.Ordinal));
        var entry = await App.WithDatabaseAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.CreatedCustomer));
        Assert.Equal((_ana.Id, lucia.Id, "Teams", $"owner: user {_ana.Id}"), (entry.Actor, entry.CustomerId, entry.Channel, entry.Details));
        (await chat.PressAsync("Correct")).ShouldSay("Correct Lucía Ferrer");
    }

    [Fact]
    public async Task NuevoCliente_BadFields_ShowsTheFormAgainInSpanishWithEachErrorAndStoresNothing()
    {
        var chat = App.Chat(Connector, Tomas, locale: "es-ES");
        (await chat.SendAsync("nuevo cliente")).ShouldSay("Nuevo cliente");

        var turn = await chat.PressAsync("Crear", ("name", " "), ("email", "no-es-un-correo"), ("phone", "12"), ("country", "Narnia"));

        turn.ShouldSay("Aún no se ha guardado nada", "El nombre es obligatorio.", "«no-es-un-correo» no es una dirección de correo.",
            "«12» no es un teléfono", "«Narnia» no es un código de país");
        Assert.Equal("no-es-un-correo", FormFields.OfAdaptiveCard(chat.LastCard!.Card!).Single(f => f.Id == "email").Value);
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.Customers.CountAsync()));
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.CreatedCustomer)));
    }

    [Fact]
    public async Task NewCustomer_EmailOfAnotherCustomer_IsRefusedNamingThem()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        await chat.SendAsync("new customer");

        (await chat.PressAsync("Create", ("name", "Marta Gil"), ("email", "MARIA@acme.es"), ("country", "ES")))
            .ShouldSay("'MARIA@acme.es' already belongs to María Núñez · Acme Ibérica");

        Assert.Equal(1, await App.WithDatabaseAsync(db => db.Customers.CountAsync()));
    }

    [Fact]
    public async Task NewCustomer_LikelyDuplicate_IsOfferedAndOnlyTheExplicitPressCreates()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        await chat.SendAsync("new customer");

        (await chat.PressAsync("Create", ("name", "Maria Nunez"), ("company", "ACME Ibérica"), ("country", "ES")))
            .ShouldSay("This looks like María Núñez · Acme Ibérica — use that one?", "Nothing was created yet.");
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.Customers.CountAsync()));
        var offer = chat.LastCard!;

        (await chat.PressOnAsync(offer, "Use 1.")).ShouldSay("María Núñez");
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.Customers.CountAsync()));

        (await chat.PressOnAsync(offer, "Create a new customer anyway")).ShouldSay("Created Maria Nunez");
        var entry = await App.WithDatabaseAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.CreatedCustomer));
        Assert.Equal($"owner: user {_ana.Id}; created beside likely duplicate(s): customer {_maria.Id}", entry.Details);
    }

    [Fact]
    public async Task NuevoCliente_DuplicadoProbable_SeOfreceEnEspanol()
    {
        var chat = App.Chat(Connector, Tomas, locale: "es-ES");
        await chat.SendAsync("nuevo cliente María Núñez");

        (await chat.PressAsync("Crear", ("name", "María Núñez"), ("company", "Acme Ibérica"), ("country", "ES")))
            .ShouldSay("Parece María Núñez · Acme Ibérica: ¿usas esa ficha?", "Aún no se ha creado nada.");
        (await chat.PressAsync("Crear un cliente nuevo de todos modos")).ShouldSay("María Núñez creado");
        Assert.Equal(2, await App.WithDatabaseAsync(db => db.Customers.CountAsync()));
    }

    [Fact]
    public async Task NewCustomer_Owner_ATeammateIsTakenAnotherTeamsRepIsRefused()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        await chat.SendAsync("new customer");
        (await chat.PressAsync("Create", ("name", "Rosa Prieto"), ("country", "ES"), ("owner", "tomas.vidal@example.com")))
            .ShouldSay("You can give customers to yourself or to a rep of your team, and Tomás Vidal is not in it");
        (await chat.PressAsync("Create", ("name", "Rosa Prieto"), ("country", "ES"), ("owner", "Luis.Ortega@example.com"))).ShouldSay("Created Rosa Prieto", "Luis Ortega");

        var owner = await App.WithDatabaseAsync(db => db.Customers.Where(c => c.DisplayName == "Rosa Prieto").Select(c => c.OwnerId).SingleAsync());
        Assert.Equal(await App.WithDatabaseAsync(db => db.Users.Where(u => u.Email == "luis.ortega@example.com").Select(u => (UserId?)u.Id).SingleAsync()), owner);
    }

    [Fact]
    public async Task NewCustomer_SupportAgent_ChoosesNoOwnerAndTheDefaultRuleLeavesItUnowned()
    {
        var chat = App.Chat(Connector, Sofia);
        await chat.SendAsync("new customer");
        Assert.DoesNotContain(FormFields.OfAdaptiveCard(chat.LastCard!.Card!), f => f.Id == "owner");

        (await chat.PressAsync("Create", ("name", "Pedro Sanz"), ("country", "MX"), ("owner", "tomas.vidal@example.com"))).ShouldSay("Created Pedro Sanz", "nobody yet");

        var pedro = await App.WithDatabaseAsync(db => db.Customers.SingleAsync(c => c.DisplayName == "Pedro Sanz"));
        Assert.Equal((null, "es"), (pedro.OwnerId, pedro.PreferredLanguage.Value));
    }

    [Fact]
    public async Task NewCustomer_PrivacyOfficer_IsRefusedInBothLanguagesAndNothingIsCreated()
    {
        (await App.Chat(Connector, Paula).SendAsync("new customer")).ShouldSay("I can't add customers for you");
        (await App.Chat(Connector, Paula, locale: "es-ES").SendAsync("nuevo cliente")).ShouldSay("No puedo añadir clientes por ti");
        var chat = App.Chat(Connector, Paula);
        (await chat.SendAsync("find Zacarías")).ShouldSay("No customer found");
        Assert.Empty(chat.LastCard!.Buttons);
    }

    [Fact]
    public async Task NoCustomerFound_NewCustomerButton_OpensTheFormWithTheSearchFilledIn()
    {
        var chat = App.Chat(Connector, Tomas, locale: "es-ES");
        (await chat.SendAsync("buscar Zacarías Ruiz")).ShouldSay("No se ha encontrado ningún cliente");

        (await chat.PressAsync("Nuevo cliente")).ShouldSay("Nuevo cliente");

        Assert.Equal("Zacarías Ruiz", FormFields.OfAdaptiveCard(chat.LastCard!.Card!).Single(f => f.Id == "name").Value);
    }
}
