using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Customers;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.CustomerUpkeep;

/// <summary>
/// "edit" / "editar" in Teams, as transcripts through the real host: a correction of name, country and handles saved
/// normalised and audited as ids, errors in the reader's language with nothing changed, a handle of another customer
/// refused naming them, need-to-know refusals (audited), two people editing at once (the second sees the current
/// values, nothing of the first lost), and a stale form pressed after a merge or an erasure.
/// </summary>
public sealed class EditCustomerTeamsTests : BotTestBase
{
    private static readonly TeamsUser Tomas = new("29:tomas-chat-id", "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d", "Tomás Vidal");
    private static readonly TeamsUser Sofia = new("29:sofia-chat-id", "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "Sofía Soporte");

    private User _ana = null!;
    private Customer _maria = null!;
    private Customer _jorge = null!;

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        _ana = await db.AddUserAsync(CrmData.Ana, UserRole.SalesRep, "Iberia");
        await db.AddUserAsync(Tomas, UserRole.SalesRep, "LatAm", locale: "es-ES");
        await db.AddUserAsync(Sofia, UserRole.SupportAgent, "Support", locale: "es-ES");
        _maria = await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria@acme.es", owner: _ana);
        _jorge = await db.AddCustomerAsync("Jorge Pérez", "Pérez e Hijos", email: "jorge@perez.es", owner: _ana);
    }

    [Fact]
    public async Task Edit_Owner_CorrectsNameCountryAndHandles_NormalisedAndAuditedAsIds()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        (await chat.SendAsync("edit María Núñez")).ShouldSay("Correct María Núñez");
        var email = _maria.Identities.Single().Id;

        (await chat.PressAsync("Save", ("name", "María Núñez Ruiz"), ("company", "Acme Ibérica"), ("country", "mx"), ("language", "es"),
            ("newPhone", "55 1234 5678"), ("newLoyaltyNumber", " ab 123 "), ("remove", email.ToString()))).ShouldSay("Saved María Núñez Ruiz", "+525512345678", "AB123");

        var maria = await App.WithDatabaseAsync(db => db.Customers.Include(c => c.Identities).SingleAsync(c => c.Id == _maria.Id));
        Assert.Equal(("María Núñez Ruiz", "MX"), (maria.DisplayName, maria.Country.Value));
        Assert.Equal(["+525512345678", "AB123"], maria.Identities.Select(i => i.Value).Order(StringComparer.Ordinal));
        var phone = maria.Identities.Single(i => i.Kind == IdentityKind.Phone).Id;
        var loyalty = maria.Identities.Single(i => i.Kind == IdentityKind.LoyaltyNumber).Id;
        var entry = await App.WithDatabaseAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.ChangedCustomer));
        Assert.Equal((_ana.Id, _maria.Id), (entry.Actor, entry.CustomerId));
        Assert.Equal($"name; country: ES -> MX; removed Email {email}; added Phone {phone}; added LoyaltyNumber {loyalty}", entry.Details);
    }

    [Fact]
    public async Task Editar_BadInput_AnswersInSpanishUnderEachFieldAndChangesNothing()
    {
        var chat = App.Chat(Connector, Sofia, locale: "es-ES");
        await chat.SendAsync("editar María Núñez");

        (await chat.PressAsync("Guardar", ("name", "María"), ("country", "Narnia"), ("newEmail", "no-es-un-correo"), ("newPhone", "12")))
            .ShouldSay("Aún no se ha guardado nada", "«Narnia» no es un código de país", "«no-es-un-correo» no es una dirección de correo.", "«12» no es un teléfono");

        var maria = await App.WithDatabaseAsync(db => db.Customers.Include(c => c.Identities).SingleAsync(c => c.Id == _maria.Id));
        Assert.Equal(("María Núñez", "ES", 1), (maria.DisplayName, maria.Country.Value, maria.Identities.Count));
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.ChangedCustomer)));
    }

    [Fact]
    public async Task Edit_EmailOfAnotherCustomer_IsRefusedNamingThem()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        await chat.SendAsync("edit maria@acme.es");

        (await chat.PressAsync("Save", ("newEmail", "Jorge@Perez.es"))).ShouldSay("already belongs to Jorge Pérez · Pérez e Hijos");

        Assert.Equal(1, await App.WithDatabaseAsync(db => db.CustomerIdentities.CountAsync(i => i.CustomerId == _maria.Id)));
    }

    [Fact]
    public async Task Edit_SeveralMatch_TheChoiceOpensTheFormOfTheOnePicked()
    {
        await App.WithDatabaseAsync(db => db.AddCustomerAsync("Jorge Pérez", "Otra Casa", owner: _ana));
        var chat = App.Chat(Connector, CrmData.Ana);
        (await chat.SendAsync("edit Jorge Pérez")).ShouldSay("Several customers match");

        (await chat.PressAsync("1.")).ShouldSay("Correct Jorge Pérez");
    }

    [Fact]
    public async Task Edit_RepOfAnotherTeam_IsRefusedInBothLanguagesAndAudited()
    {
        (await App.Chat(Connector, Tomas, locale: "es-ES").SendAsync("editar María Núñez")).ShouldSay("No puedo cambiar la ficha de María Núñez por ti");
        (await App.Chat(Connector, Tomas).SendAsync("edit María Núñez")).ShouldSay("I can't change María Núñez's record for you", "Ask the account's owner");

        Assert.Equal(2, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.AccessDenied && a.CustomerId == _maria.Id)));
    }

    [Fact]
    public async Task Edit_TwoPeopleAtOnce_TheSecondSeesTheCurrentValuesAndNothingOfTheFirstIsLost()
    {
        var ana = App.Chat(Connector, CrmData.Ana);
        await ana.SendAsync("edit María Núñez");
        var anasForm = ana.LastCard!;
        var sofia = App.Chat(Connector, Sofia, locale: "es-ES");
        await sofia.SendAsync("editar María Núñez");
        (await sofia.PressAsync("Guardar", ("name", "María Núñez"), ("company", "Acme Global"), ("country", "ES"), ("language", "es"))).ShouldSay("María Núñez guardado");

        (await ana.PressOnAsync(anasForm, "Save", ("name", "María Núñez"), ("company", "Acme Ibérica SA"), ("country", "PT"), ("language", "es")))
            .ShouldSay("Someone changed María Núñez meanwhile, so nothing of yours was saved");

        Assert.Equal("Acme Global", FormFields.OfAdaptiveCard(ana.LastCard!.Card!).Single(f => f.Id == "company").Value);
        var maria = await App.WithDatabaseAsync(db => db.Customers.SingleAsync(c => c.Id == _maria.Id));
        Assert.Equal(("Acme Global", "ES"), (maria.Company, maria.Country.Value));
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.ChangedCustomer)));
    }

    [Fact]
    public async Task Edit_StaleFormAfterAMerge_SaysIntoWhichAndSavesNothing()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        await chat.SendAsync("edit jorge@perez.es");
        await App.WithDatabaseAsync(async db =>
        {
            await new CustomerMerger(db).StageAsync(_maria.Id, _jorge.Id, _ana.Id, DateTimeOffset.UtcNow, CancellationToken.None);
            await db.SaveChangesAsync();
        });

        (await chat.PressAsync("Save", ("name", "Jorge Pérez Gil"), ("country", "ES"))).ShouldSay("This record was merged into María Núñez meanwhile, so nothing was saved");

        Assert.Equal("Jorge Pérez", await App.WithDatabaseAsync(db => db.Customers.Where(c => c.Id == _jorge.Id).Select(c => c.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task Editar_FichaBorradaMientrasTanto_LoDiceEnEspanolYNoGuardaNada()
    {
        var chat = App.Chat(Connector, Sofia, locale: "es-ES");
        await chat.SendAsync("editar Jorge Pérez");
        await App.WithDatabaseAsync(async db =>
        {
            (await db.Customers.Include(c => c.Identities).SingleAsync(c => c.Id == _jorge.Id)).Erase(DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        });

        (await chat.PressAsync("Guardar", ("name", "Jorge Pérez Gil"), ("country", "ES"))).ShouldSay("Los datos personales de este cliente se borraron", "no se guardó nada");

        Assert.Equal(0, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.ChangedCustomer)));
    }
}
