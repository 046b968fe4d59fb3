using System.Diagnostics;
using System.Globalization;
using ChatCrm.Bot.Tests.ScaleOut;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence.Inbox;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.GoLive;

/// <summary>
/// docs/install.md "6. Go live", end to end: an empty database filled only by the <c>import</c> command run as a
/// Production process (users, the offer catalogue, customers), a bot with no demo data and no demo enrolment whose first
/// admin comes from <c>Directory:BootstrapAdmins</c>, the admin linking a rep's Teams account from chat, and then a
/// file of new orders whose large deposit reaches that rep's Teams chat as a card with the investment offer (which the
/// customer's imported marketing consent allows: without it, no offer fits and nothing is pushed).
/// (The bot runs in the Development environment only so the fake connector may stand on loopback without tokens.)
/// </summary>
public sealed class GoLiveTests : IAsyncLifetime
{
    private static readonly TeamsUser ItLead = new("29:it-lead", "5a0e7c1d-2b3f-4a6e-9d8c-7f1e2d3c4b5a", "Marta Vidal");
    private static readonly TeamsUser Jose = new("29:jose-hernandez", "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "José Hernández");

    private readonly SqliteTestDatabase _database = SqliteTestDatabase.TempFile();
    private readonly DirectoryInfo _files = System.IO.Directory.CreateTempSubdirectory("chatcrm-golive-");
    private FakeBotConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeBotConnector.StartAsync();

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _database.DisposeAsync();
        _files.Delete(recursive: true);
    }

    [Fact]
    public async Task EmptyDatabase_FilesThenChat_ImportedLargeDepositReachesTheOwnerAsAnInvestmentSuggestion()
    {
        await ImportAsync("users", Fixture("users.csv"));
        await ImportAsync("offers", Fixture("offers.csv"));
        await ImportAsync("customers", Fixture("customers-1000.csv"));
        var consents = Path.Combine(_files.FullName, "consents.csv");
        var granted = DateTime.UtcNow.AddDays(-30).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(consents, "externalId;customerExternalId;purpose;channel;status;source;recordedAt\n" + string.Join('\n',
            new[] { "Email", "Phone", "Chat" }.Select(channel => $"LIVE-{channel};CRM-00001;Marketing;{channel};granted;formulario web;{granted}")) + "\n");
        await ImportAsync("consents", consents);

        await using var app = new ChatCrmApp(_database, new Dictionary<string, string?>
        {
            ["Directory:DemoEnrollUnknownUsersAs"] = "",
            ["Directory:BootstrapAdmins:0"] = ItLead.AadObjectId,
            ["Work:PollInterval"] = "00:00:00.200",
            ["Outreach:QuietHoursStart"] = "00:00:00",
            ["Outreach:QuietHoursEnd"] = "00:00:00",
        });
        var stranger = await app.Chat(_connector, Jose).SendAsync("help");
        Assert.Contains("access", stranger.Text, StringComparison.OrdinalIgnoreCase); // not linked yet: nobody is let in by default

        var admin = app.Chat(_connector, ItLead);
        await admin.SendAsync("help");
        (await admin.SendAsync($"admin map teams {Jose.AadObjectId} jose.hernandez@acme.example")).ShouldSay("José Hernández");
        var jose = app.Chat(_connector, Jose, locale: "es-MX");
        (await jose.SendAsync("ayuda")).ShouldSay();
        var before = _connector.Activities.Count(a => a.ConversationId == jose.ConversationId);

        var today = DateTime.UtcNow.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var orders = Path.Combine(_files.FullName, "orders-today.csv");
        await File.WriteAllTextAsync(orders, $"externalId;customerExternalId;productCode;category;amount;currency;placedAt\nLIVE-1;CRM-00001;DEP-12M;Deposits;25.000,00;EUR;{today}\n");
        await ImportAsync("orders", orders);

        var card = await PushedCardAsync(jose.ConversationId, before, () => app.WithDatabaseAsync(async db => string.Join("; ",
            (await db.InboxItems.AsNoTracking().ToListAsync()).Select(i => $"{i.Channel} {i.Status} {i.Attempts} {i.LastError} {i.LeaseUntil}"))));
        Assert.Contains("Depósito grande: 25.000,00 EUR", card.Text, StringComparison.Ordinal);
        Assert.Contains("Lucía Álvarez Hernández", card.Text, StringComparison.Ordinal);
        Assert.Contains("Fondo Global", card.Text, StringComparison.Ordinal);
        // The push is audited and its inbox item completed in the save after the send: wait for that save, not just the card.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline
            && await app.WithDatabaseAsync(db => db.InboxItems.AnyAsync(i => i.Status != InboxStatus.Done)))
            await Task.Delay(100);
        var (admins, audited) = await app.WithDatabaseAsync(async db => (
            await db.Users.Where(u => u.Role == UserRole.Admin).Select(u => u.DisplayName).ToListAsync(),
            await db.AuditEntries.CountAsync(a => a.Action == AuditAction.PushedOfferEvent)));
        Assert.Contains(ItLead.Name, admins);
        Assert.Equal(1, audited);
        Assert.Empty(_connector.Violations);
    }

    private static string Fixture(string name) => Path.Combine(RepositoryRoot.Path, "tests", "ChatCrm.Infrastructure.Tests", "Import", "Fixtures", name);

    private async Task<CapturedActivity> PushedCardAsync(string conversationId, int before, Func<Task<string>> inbox)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_connector.Activities.Where(a => a.ConversationId == conversationId).Skip(before).FirstOrDefault(a => a.Card is not null) is { } card)
                return card;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"The large deposit never reached the owner's chat. The inbox: {await inbox()}");
    }

    /// <summary>The import command as an operator runs it on the server: its own process, Production, the bot's database.</summary>
    private async Task ImportAsync(string kind, string file)
    {
        var dll = BotAssembly.Locate();
        var start = new ProcessStartInfo("dotnet", [dll.FullName, "import", kind, file])
        {
            WorkingDirectory = dll.DirectoryName!,
        };
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k == "DOTNET_ENVIRONMENT").ToList())
            start.Environment.Remove(key);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Database__ConnectionString"] = _database.ConnectionString;
        var (exitCode, text) = await ChildProcess.RunAsync(start);
        Assert.True(exitCode == 0, $"import {kind} exited with {exitCode}:\n{text}");
    }
}
