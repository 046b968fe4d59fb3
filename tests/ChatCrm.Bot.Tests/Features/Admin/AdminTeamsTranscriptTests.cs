using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Digests;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Admin;

/// <summary>
/// The admin commands in Teams, in English and Spanish: status, map (by @mention, by id, moving a link, the last admin
/// kept), digest and consent, each audited with its actor and details; non-admins refused, and the refusal audited.
/// </summary>
public sealed class AdminTeamsTranscriptTests : BotTestBase
{
    private static readonly TeamsUser Elena = new("29:elena-chat-id", "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a", "Elena Admin");
    private static readonly TeamsUser Carmen = new("29:carmen-chat-id", "3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9", "Carmen Ruiz");
    private static readonly TeamsUser Newcomer = new("29:newcomer-chat-id", "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d", "Tomás Vidal");

    private User _elena = null!;
    private User _carmen = null!;
    private User _ana = null!;
    private User _tomas = null!;

    /// <summary>The status shows the scheduler running, so this host runs it.</summary>
    protected override IDictionary<string, string?>? Settings => ChatCrmApp.SchedulerOn;

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        _elena = await db.AddUserAsync(Elena, UserRole.Admin, "IT");
        _carmen = await db.AddUserAsync(Carmen, UserRole.Manager, "Dirección Iberia", locale: "es-ES");
        _ana = await db.AddUserAsync(CrmData.Ana, UserRole.SalesRep, "Iberia", _carmen);
        _tomas = new User(UserId.New(), "Tomás Vidal", UserRole.SalesRep, "Iberia", "Europe/Madrid", "es-ES");
        _tomas.UseEmail("tomas.vidal@example.com");
        db.Users.Add(_tomas);
        _carmen.UseEmail("carmen.ruiz@example.com");
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Status_Admin_ShowsChannelsDatabaseSchedulerDigestsModelAndIsAudited()
    {
        await App.WithDatabaseAsync(async db =>
        {
            var carmen = await db.Users.SingleAsync(u => u.Id == _carmen.Id);
            db.DigestSubscriptions.Add(DigestSubscription.Choose(carmen,
                new DigestRequest(DigestCommandKind.Set, DigestFrequency.Daily, null, new TimeOnly(8, 0), DigestChannel.Teams), DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        });

        var lastMigration = await App.WithDatabaseAsync(db => Task.FromResult(db.Database.GetMigrations().Last()));

        (await App.Chat(Connector, Elena).SendAsync("admin")).ShouldSay(
            "ChatCrm status", "Version ", "Teams", "Bot registration", "Slack", "Signing secret", "Installed workspaces", "Token rotation on",
            "Database", "Sqlite", "Last migration", lastMigration, "Pending migrations", "Scheduler", "running", "in memory (single instance)",
            "digests", "next ", "Next digests", "Carmen Ruiz", "every day at 08:00 (Europe/Madrid) in Teams", "Offer model",
            "No trained model yet: offers are ranked by the rules (fallback).");

        var entry = await App.WithDatabaseAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.ViewedAdminStatus));
        Assert.Equal(_elena.Id, entry.Actor);
        Assert.Equal("status", entry.Details);
        Assert.Null(entry.CustomerId);
    }

    [Fact]
    public async Task Status_AdminInSpanish_IsInSpanish()
    {
        (await App.Chat(Connector, Elena, locale: "es-ES").SendAsync("admin estado")).ShouldSay(
            "Estado de ChatCrm", "Registro del bot", "Secreto de firma", "Base de datos", "Migraciones pendientes", "Planificador", "en marcha",
            "Próximos resúmenes", "Ningún responsable tiene un resumen programado.", "Aún no hay modelo entrenado");
    }

    [Fact]
    public async Task Admin_Rep_IsRefusedInTheirLanguageAndTheAttemptIsAudited()
    {
        (await App.Chat(Connector, CrmData.Ana).SendAsync("admin status")).ShouldSay("Admin commands are for ChatCrm administrators");
        (await App.Chat(Connector, CrmData.Ana, locale: "es-ES").SendAsync("admin vincular teams 29:x Ana"))
            .ShouldSay("Las órdenes de administración son para los administradores de ChatCrm");

        var entries = await App.WithDatabaseAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.AdminCommandRefused).ToListAsync());
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(_ana.Id, e.Actor));
        Assert.Contains(entries, e => e.Details == "admin status; role SalesRep");
        Assert.Contains(entries, e => e.Details == "admin map; role SalesRep");
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.ViewedAdminStatus)));
    }

    [Fact]
    public async Task Map_TeamsMentionWithRole_LinksTheAccountSetsTheRoleAndTheNewcomerGetsIn()
    {
        var chat = App.Chat(Connector, Elena, conversationType: "channel");
        var message = TeamsActivities.Message(Connector.ServiceUrl, chat.ConversationId, Elena,
            $"<at>ChatCrm</at> admin map teams <at>{Newcomer.Name}</at> tomas.vidal@example.com manager", conversationType: "channel");
        message["entities"] = new JsonArray(
            Mention(TeamsActivities.BotId, null, "ChatCrm"),
            Mention(Newcomer.ChatId, Newcomer.AadObjectId, Newcomer.Name));

        (await chat.PostAsync(message)).ShouldSay("Done: Tomás Vidal (Teams) is now linked to Tomás Vidal.", "Role: sales rep → manager.");

        var tomas = await App.WithDatabaseAsync(db => db.Users.SingleAsync(u => u.Id == _tomas.Id));
        Assert.Equal(Newcomer.AadObjectId, tomas.TeamsAadObjectId);
        Assert.Equal(UserRole.Manager, tomas.Role);
        var entry = await App.WithDatabaseAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.DirectoryChanged));
        Assert.Equal(_elena.Id, entry.Actor);
        Assert.Equal($"map teams {Newcomer.AadObjectId} -> user {_tomas.Id}; user's previous account: none; taken from: nobody; role: SalesRep -> Manager",
            entry.Details);
        (await App.Chat(Connector, Newcomer).SendAsync("kpis")).ShouldSay("Your team's KPIs");
    }

    [Fact]
    public async Task Map_RawChatId_LinksAndTheAccountIsRecognisedThenPinnedToItsObjectId()
    {
        (await App.Chat(Connector, Elena).SendAsync($"admin map teams {Newcomer.ChatId} Tomás Vidal")).ShouldSay("is now linked to Tomás Vidal");

        (await App.Chat(Connector, Newcomer).SendAsync("help")).ShouldSay("find <customer>");
        Assert.Equal(Newcomer.AadObjectId, await App.WithDatabaseAsync(db => db.Users.Where(u => u.Id == _tomas.Id).Select(u => u.TeamsAadObjectId).SingleAsync()));
    }

    [Fact]
    public async Task Map_AccountLinkedToSomeoneElse_AsksNamingThemThenTheButtonMovesIt()
    {
        var chat = App.Chat(Connector, Elena, locale: "es-ES");

        var asked = (await chat.SendAsync($"admin vincular teams {CrmData.Ana.AadObjectId} tomas.vidal@example.com"))
            .ShouldSay("¿Mover esta cuenta?", "está vinculada a Ana García", "forzar");
        Assert.Equal(CrmData.Ana.AadObjectId, await App.WithDatabaseAsync(db => db.Users.Where(u => u.Id == _ana.Id).Select(u => u.TeamsAadObjectId).SingleAsync()));
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.DirectoryChanged)));

        (await chat.PressAsync("Moverla a Tomás Vidal")).ShouldSay("Hecho:", "queda vinculada a Tomás Vidal", "Ya no está vinculada a Ana García.");

        var (ana, tomas) = await App.WithDatabaseAsync(async db =>
            (await db.Users.SingleAsync(u => u.Id == _ana.Id), await db.Users.SingleAsync(u => u.Id == _tomas.Id)));
        Assert.Null(ana.TeamsAadObjectId);
        Assert.Equal(CrmData.Ana.AadObjectId, tomas.TeamsAadObjectId);
        var entry = await App.WithDatabaseAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.DirectoryChanged));
        Assert.Contains($"taken from: user {_ana.Id}", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_WithForce_MovesAtOnce()
    {
        (await App.Chat(Connector, Elena).SendAsync($"admin map teams {CrmData.Ana.AadObjectId} tomas.vidal@example.com --force"))
            .ShouldSay("is now linked to Tomás Vidal", "It is no longer linked to Ana García.");
    }

    [Fact]
    public async Task Map_DemotingTheLastAdmin_IsRefusedAndNothingChanges()
    {
        (await App.Chat(Connector, Elena).SendAsync($"admin map teams {Elena.AadObjectId} Elena Admin rep"))
            .ShouldSay("Elena Admin is the last admin: give someone else the admin role first");

        Assert.Equal(UserRole.Admin, await App.WithDatabaseAsync(db => db.Users.Where(u => u.Id == _elena.Id).Select(u => u.Role).SingleAsync()));
        Assert.Equal(0, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.DirectoryChanged)));
    }

    [Fact]
    public async Task Map_UnknownUserRoleOrAccount_AreExplained()
    {
        var chat = App.Chat(Connector, Elena);

        (await chat.SendAsync($"admin map teams {Newcomer.ChatId} nobody@example.com")).ShouldSay("No ChatCrm user is called or has the e-mail \"nobody@example.com\"");
        (await chat.SendAsync($"admin map teams {Newcomer.ChatId} tomas.vidal@example.com emperor")).ShouldSay("\"emperor\" is not a role. The roles are: rep, support, manager, admin, privacy.");
        (await chat.SendAsync("admin map teams ana tomas.vidal@example.com")).ShouldSay("\"ana\" is not a Teams account");
        (await chat.SendAsync("admin map")).ShouldSay("Write \"admin map teams|slack <account> <user> [role]\"");
    }

    [Fact]
    public async Task Digest_AdminInSpanish_StoresTheScheduleShowsTheNextTimeAndAudits()
    {
        (await App.Chat(Connector, Elena, locale: "es-ES").SendAsync("admin resumen Carmen Ruiz semanal lunes 09:00 slack"))
            .ShouldSay("Resumen de Carmen Ruiz: cada lunes a las 09:00 (Europe/Madrid) en Slack. El próximo: ");

        var subscription = await App.WithDatabaseAsync(db => db.DigestSubscriptions.SingleAsync(s => s.ManagerId == _carmen.Id));
        Assert.Equal((DigestFrequency.Weekly, DayOfWeek.Monday, new TimeOnly(9, 0), DigestChannel.Slack), (subscription.Frequency, subscription.Day, subscription.LocalTime, subscription.Channel));
        var next = subscription.Schedule.NextAfter(DateTimeOffset.UtcNow).DueAt;
        var shown = TimeZoneInfo.ConvertTime(next, TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid")).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        (await App.Chat(Connector, Elena).SendAsync("admin digest carmen.ruiz@example.com")).ShouldSay($"Next one: {shown} Europe/Madrid");
        var entry = await App.WithDatabaseAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.ChangedDigestSchedule));
        Assert.Equal(_elena.Id, entry.Actor);
        Assert.Equal($"manager {_carmen.Id}: none -> weekly Monday 09:00 Slack Europe/Madrid", entry.Details);
    }

    [Fact]
    public async Task Digest_OffAndNonManager_AreHandled()
    {
        var chat = App.Chat(Connector, Elena);
        await chat.SendAsync("admin digest Carmen Ruiz daily 08:00");

        (await chat.SendAsync("admin digest Carmen Ruiz off")).ShouldSay("Carmen Ruiz gets no digest.");
        (await chat.SendAsync("admin digest Ana García daily 08:00")).ShouldSay("Ana García is not a manager");
        (await chat.SendAsync("admin digest Carmen Ruiz daily 25:00")).ShouldSay("I don't understand \"25h00\"");

        Assert.Equal(0, await App.WithDatabaseAsync(db => db.DigestSubscriptions.CountAsync()));
        Assert.Contains("-> none", (await App.WithDatabaseAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.ChangedDigestSchedule).ToListAsync()))
            .OrderBy(a => a.At).Last().Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consent_OneCountryAndTheList_AreShownAndAuditedAsViews()
    {
        var chat = App.Chat(Connector, Elena);

        (await chat.SendAsync("admin consent us")).ShouldSay("Consent policy: US", "Marketing", "E-mail", "opt-out (allowed until they object)",
            "SMS", "opt-in (needs consent first)", "Service messages", "always allowed, unless withdrawn", "Offers with partner incentives", "allowed");
        (await chat.SendAsync("admin consent")).ShouldSay("Consent policies", "ES", "marketing opt-in on every channel", "MX", "marketing e-mail after a personal contact");
        (await chat.SendAsync("admin consent KP")).ShouldSay("KP is not in the consent policy table, so the strictest rules apply");
        (await chat.SendAsync("admin consent XYZ")).ShouldSay("\"XYZ\" is not a two-letter country code");

        var details = await App.WithDatabaseAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.ViewedConsentPolicy).Select(a => a.Details).ToListAsync());
        Assert.Equal(new[] { "consent KP", "consent US", "consent: countries with special rules" }, details.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Admin_UnknownSubcommand_ListsTheAdminCommands_AndHelpShowsThemToAdminsOnly()
    {
        (await App.Chat(Connector, Elena).SendAsync("admin reboot")).ShouldSay("\"admin reboot\" is not an admin command", "admin map teams|slack", "admin consent [country]");
        (await App.Chat(Connector, Elena, locale: "es-ES").SendAsync("ayuda")).ShouldSay("admin vincular teams|slack", "admin resumen <responsable>");
        var rep = await App.Chat(Connector, CrmData.Ana).SendAsync("help");
        Assert.DoesNotContain("admin map", rep.Text, StringComparison.Ordinal);
    }

    private static JsonObject Mention(string id, string? aadObjectId, string name)
    {
        var mentioned = new JsonObject { ["id"] = id, ["name"] = name };
        if (aadObjectId is not null)
            mentioned["aadObjectId"] = aadObjectId;
        return new JsonObject { ["type"] = "mention", ["text"] = $"<at>{name}</at>", ["mentioned"] = mentioned };
    }
}
