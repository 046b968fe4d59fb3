using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Digests;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Admin;

/// <summary>
/// The admin commands through Slack's /crm: the same engine and rules as in Teams, as Block Kit; a Slack account named
/// by its &lt;@U…&gt; mention or member id, in the admin's own workspace.
/// </summary>
public sealed class AdminSlackTests : SlackTestBase
{
    private static readonly SlackUser Jorge = new("T0ACME", "U0JORGE", "jorge");

    private User _lucia = null!;
    private User _jorge = null!;
    private User _tomas = null!;
    private User _marta = null!;

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        _lucia = await AddSlackUserAsync(db, Lucia, UserRole.Admin, "IT", locale: "es-ES");
        _jorge = await AddSlackUserAsync(db, Jorge, UserRole.SalesRep, "Iberia");
        _tomas = new User(UserId.New(), "Tomás Vidal", UserRole.SalesRep, "Iberia", "Europe/Madrid", "es-ES");
        _tomas.UseEmail("tomas.vidal@example.com");
        _marta = new User(UserId.New(), "Marta Soler", UserRole.Manager, "Dirección", "America/Mexico_City", "es-MX");
        db.Users.AddRange(_tomas, _marta);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Status_AdminInSpanish_ShowsTheStatusCardAndIsAudited()
    {
        await Client().CommandAsync("admin estado");

        var reply = (await Slack.WaitForCallsAsync(1)).Single();
        foreach (var expected in new[] { "Estado de ChatCrm", "Activado", "sí", "Secreto de firma", "configurado", "Espacios de trabajo instalados",
                     "Base de datos", "Sqlite", "Última migración", "Planificador", "en memoria (una sola instancia)", "Modelo de ofertas" })
            Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
        var entry = await App.WithDatabaseAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.ViewedAdminStatus));
        Assert.Equal((_lucia.Id, "Slack"), (entry.Actor, entry.Channel));
        Assert.Empty(Slack.Violations);
    }

    [Fact]
    public async Task Admin_Rep_IsRefusedAndTheAttemptIsAudited()
    {
        await Client(Jorge).CommandAsync("admin digest Marta Soler daily 08:00");

        var reply = (await Slack.WaitForCallsAsync(1)).Single();
        Assert.Contains("Admin commands are for ChatCrm administrators", reply.Text, StringComparison.Ordinal);
        var entry = await App.WithDatabaseAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.AdminCommandRefused));
        Assert.Equal((_jorge.Id, "admin digest; role SalesRep"), (entry.Actor, entry.Details));
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.DigestSubscriptions.CountAsync()));
    }

    [Fact]
    public async Task Map_SlackMentionWithRole_LinksInTheAdminsWorkspaceAndAudits()
    {
        await Client().CommandAsync("admin vincular slack <@U0TOMAS|tomas> Tomás Vidal soporte");

        var reply = (await Slack.WaitForCallsAsync(1)).Single();
        Assert.Contains("queda vinculada a Tomás Vidal", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Rol: comercial → agente de soporte.", reply.Text, StringComparison.Ordinal);
        var tomas = await App.WithDatabaseAsync(db => db.Users.SingleAsync(u => u.Id == _tomas.Id));
        Assert.Equal(("T0ACME:U0TOMAS", UserRole.SupportAgent), (tomas.SlackUserKey?.ToString(), tomas.Role));
        var entry = await App.WithDatabaseAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.DirectoryChanged));
        Assert.Equal(_lucia.Id, entry.Actor);
        Assert.Equal($"map slack T0ACME:U0TOMAS -> user {_tomas.Id}; user's previous account: none; taken from: nobody; role: SalesRep -> SupportAgent", entry.Details);
    }

    [Fact]
    public async Task Map_AccountOfSomeoneElse_AsksThenTheButtonMovesIt()
    {
        var client = Client();
        await client.CommandAsync("admin map slack U0JORGE tomas.vidal@example.com");
        var card = (await Slack.WaitForCallsAsync(1))[0];
        Assert.Contains("está vinculada a jorge", card.Text, StringComparison.Ordinal);

        var move = card.Blocks.OfType<JsonObject>().Where(b => (string?)b["type"] == "actions")
            .SelectMany(b => b["elements"]!.AsArray().OfType<JsonObject>())
            .Single(b => (string?)b["text"]?["text"] == "Moverla a Tomás Vidal");
        await client.PressAsync(move);

        var reply = (await Slack.WaitForCallsAsync(2))[1];
        Assert.Contains("Ya no está vinculada a jorge.", reply.Text, StringComparison.Ordinal);
        var (jorge, tomas) = await App.WithDatabaseAsync(async db =>
            (await db.Users.SingleAsync(u => u.Id == _jorge.Id), await db.Users.SingleAsync(u => u.Id == _tomas.Id)));
        Assert.Null(jorge.SlackUserKey);
        Assert.Equal(Jorge.Key, tomas.SlackUserKey?.ToString());
    }

    [Fact]
    public async Task Digest_SetForAManager_IsStoredInTheirTimeZoneWithTheNextTime()
    {
        await Client().CommandAsync("admin digest Marta Soler daily 07:30");

        var reply = (await Slack.WaitForCallsAsync(1)).Single();
        Assert.Contains("Resumen de Marta Soler: cada día a las 07:30 (America/Mexico_City) en Slack. El próximo: ", reply.Text, StringComparison.Ordinal);
        var subscription = await App.WithDatabaseAsync(db => db.DigestSubscriptions.SingleAsync(s => s.ManagerId == _marta.Id));
        Assert.Equal((DigestFrequency.Daily, new TimeOnly(7, 30), DigestChannel.Slack, "America/Mexico_City"),
            (subscription.Frequency, subscription.LocalTime, subscription.Channel, subscription.TimeZone));
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.ChangedDigestSchedule && a.Actor == _lucia.Id)));
    }

    [Fact]
    public async Task Consent_Country_IsShownInSpanishAndAudited()
    {
        await Client().CommandAsync("admin consentimiento MX");

        var reply = (await Slack.WaitForCallsAsync(1)).Single();
        foreach (var expected in new[] { "Política de consentimiento: MX", "Comunicaciones comerciales", "Correo electrónico", "permitido hasta que se oponga",
                     "tras un contacto personal", "Chat", "consentimiento previo", "Mensajes de servicio" })
            Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
        Assert.Equal("consent MX", await App.WithDatabaseAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.ViewedConsentPolicy).Select(a => a.Details).SingleAsync()));
    }
}
