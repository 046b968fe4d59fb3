using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Conversations;

/// <summary>
/// The bot answers in the language of the Teams client that sent the turn: the same person gets Spanish from a
/// Spanish client and English from an English one, for help, refusals, duplicates and the polite fallbacks.
/// </summary>
public sealed class SpanishTranscriptTests : BotTestBase
{
    private static readonly TeamsUser Emily = new("29:emily", "e0000000-0000-4000-8000-000000000002", "Emily Carter");
    private static readonly TeamsUser Lucia = new("29:lucia", "10000000-0000-4000-8000-000000000004", "Lucía Ibáñez");
    private static readonly TeamsUser Stranger = new("29:stranger", "f0000000-0000-4000-8000-000000000009", "Pablo Desconocido");

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var ana = await db.AddUserAsync(CrmData.Ana, UserRole.SalesRep, "Ventas España");
        await db.AddUserAsync(Emily, UserRole.SalesRep, "Sales North America");
        await db.AddUserAsync(Lucia, UserRole.Admin, "IT");
        await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria.nunez@acme.es", owner: ana);
        await db.AddCustomerAsync("Maria Nunes", "Acme Iberica", owner: ana);
    }

    [Fact]
    public async Task Help_SpanishClient_ListsTheCommandsInSpanish_EnglishClientInEnglish()
    {
        var spanish = (await App.Chat(Connector, CrmData.Ana, locale: "es-ES").SendAsync("ayuda"))
            .ShouldSay("buscar <cliente>", "busca un cliente por nombre", "Registrar una interacción", "Las tildes y las mayúsculas dan igual");
        Assert.DoesNotContain("look a customer up", spanish.Text, StringComparison.Ordinal);

        var english = (await App.Chat(Connector, CrmData.Ana).SendAsync("ayuda")).ShouldSay("find <customer>", "look a customer up");
        Assert.DoesNotContain("busca un cliente", english.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownUser_SpanishClient_IsToldInSpanishHowToGetAccess()
    {
        // Without demo enrolment (the Development default enrols unknown people), as in production.
        await using var app = new ChatCrmApp(Database, new Dictionary<string, string?> { ["Directory:DemoEnrollUnknownUsersAs"] = "" });

        (await app.Chat(Connector, Stranger, locale: "es-MX").SendAsync("buscar maria"))
            .ShouldSay("Todavía no tienes acceso a ChatCrm", "administrador");

        Assert.Equal(0, await app.WithDatabaseAsync(db => db.AuditEntries.CountAsync()));
        Assert.Equal(3, await app.WithDatabaseAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Last_OtherTeamInSpanish_IsRefusedInSpanishWithTheReason_AndAudited()
    {
        var turn = (await App.Chat(Connector, Emily, locale: "es-ES").SendAsync("ultimo maria.nunez@acme.es"))
            .ShouldSay("No puedo mostrarte el historial de conversaciones de María Núñez", "la cuenta es del equipo Ventas España",
                "buscar María Núñez");

        Assert.DoesNotContain("can't show you", turn.Text, StringComparison.Ordinal);
        var entry = Assert.Single(await App.WithDatabaseAsync(db => db.AuditEntries.ToListAsync()));
        Assert.Equal((AuditAction.AccessDenied, CustomerField.Interactions), (entry.Action, entry.Fields));
    }

    [Fact]
    public async Task Duplicates_InSpanish_GiveTheReasonsAndButtonsInSpanish()
    {
        (await App.Chat(Connector, CrmData.Ana, locale: "es-ES").SendAsync("duplicados maria.nunez@acme.es"))
            .ShouldSay("Posibles duplicados de María Núñez", "Maria Nunes", "el nombre difiere en 1 letra(s), misma empresa", "Fusionar 1 en esta ficha");
    }

    [Fact]
    public async Task Cancel_AndOversizedText_InSpanish_AnswerInSpanish()
    {
        var chat = App.Chat(Connector, CrmData.Ana, locale: "es-ES");

        (await chat.SendAsync("cancelar")).ShouldSay("No hay nada que cancelar.");
        (await chat.SendAsync(new string('a', 9000))).ShouldSay("Ese mensaje tiene 9,000 caracteres", "Acórtalo");
    }

    [Fact]
    public async Task Cases_AdminInSpanish_IsRefusedWithTheRoleReasonInSpanish()
    {
        var turn = (await App.Chat(Connector, Lucia, locale: "es-ES").SendAsync("casos"))
            .ShouldSay("No puedo mostrarte una cola de casos", "los administradores gestionan la configuración de ChatCrm");

        Assert.DoesNotContain("admins manage", turn.Text, StringComparison.Ordinal);
    }
}
