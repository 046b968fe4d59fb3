using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Cases;

/// <summary>Working a support case through chat: the case card, its status buttons, the edit form, stale cards and need-to-know.</summary>
public sealed class CaseWorkTranscriptTests : BotTestBase
{
    private static readonly TeamsUser Emily = new("29:emily", "e0000000-0000-4000-8000-000000000002", "Emily Carter");
    private static readonly TeamsUser Hannah = new("29:hannah", "a0000000-0000-4000-8000-000000000003", "Hannah Lewis");
    private static readonly TeamsUser Lucia = new("29:lucia", "10000000-0000-4000-8000-000000000004", "Lucía Ibáñez");

    private string _number = string.Empty;

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var ana = await db.AddUserAsync(CrmData.Ana, UserRole.SalesRep, "Ventas España");
        await db.AddUserAsync(Emily, UserRole.SalesRep, "Sales North America");
        await db.AddUserAsync(Hannah, UserRole.SupportAgent, "Support");
        await db.AddUserAsync(Lucia, UserRole.Admin, "IT");
        var maria = await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria.nunez@acme.es", owner: ana);
        var supportCase = SupportCase.Open(maria.Id, "Printer offline", null, CasePriority.Normal, null, ana.Id, "Ventas España",
            DateTimeOffset.UtcNow.AddHours(-1), SlaTable.Default);
        db.SupportCases.Add(supportCase);
        await db.SaveChangesAsync();
        _number = supportCase.Number;
    }

    [Fact]
    public async Task Case_ByNumber_ShowsTheCardWithStatusAssigneeGroupSlaAndHistory()
    {
        var chat = App.Chat(Connector, CrmData.Ana);

        (await chat.SendAsync($"case {_number.ToLowerInvariant()}"))
            .ShouldSay($"Case {_number}", "María Núñez", "Printer offline", "open", "Normal", "Ana García", "Ventas España", "Bronze", "left", "History", "opened");

        Assert.Equal(AuditAction.ViewedCase, Assert.Single(await AuditAsync()).Action);
    }

    [Fact]
    public async Task StatusButtons_StartResolveClose_GoThroughTheLifeCycleIntoTheHistory()
    {
        var chat = App.Chat(Connector, Hannah);
        await chat.SendAsync($"case {_number}");

        (await chat.PressAsync("Start")).ShouldSay("updated", "in progress", "status: open → in progress");
        (await chat.PressAsync("Resolve")).ShouldSay("a resolution note is needed");
        Assert.Equal(CaseStatus.InProgress, (await CaseAsync()).Status);
        (await chat.PressAsync("Resolve", ("note", "Replaced the toner"))).ShouldSay("resolved", "note: Replaced the toner");
        (await chat.PressAsync("Close")).ShouldSay("closed");

        var supportCase = await CaseAsync();
        Assert.Equal(CaseStatus.Closed, supportCase.Status);
        Assert.Equal([CaseChange.Opened, CaseChange.StatusChanged, CaseChange.StatusChanged, CaseChange.Note, CaseChange.StatusChanged],
            supportCase.History.OrderBy(h => h.Sequence).Select(h => h.Change));
        Assert.Equal(3, (await AuditAsync()).Count(a => a.Action == AuditAction.ChangedCase));
    }

    [Fact]
    public async Task StatusButtons_InSpanish_AnswerInSpanish()
    {
        var chat = App.Chat(Connector, Hannah, locale: "es-ES");

        (await chat.SendAsync($"caso {_number}")).ShouldSay($"Caso {_number}", "Estado", "abierto", "Historial", "Empezar");
        (await chat.PressAsync("Empezar")).ShouldSay("actualizado", "en curso", "estado: abierto → en curso");
        (await chat.PressAsync("Esperar al cliente")).ShouldSay("esperando al cliente", "primera respuesta al cliente");
    }

    [Fact]
    public async Task EditForm_PriorityAssigneeAndGroup_ChangeThroughTheCaseAndRetargetTheSla()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        await chat.SendAsync($"case {_number}");
        var before = await CaseAsync();

        (await chat.PressAsync("Edit")).ShouldSay("Edit case", "Priority", "Work group");
        (await chat.PressAsync("Save", ("priority", "urgente"), ("assignee", "hannah lewis"), ("group", "Tier 2")))
            .ShouldSay("updated", "Urgent", "Hannah Lewis", "Tier 2", "priority: Normal → Urgent");

        var after = await CaseAsync();
        var hannah = await App.WithDatabaseAsync(db => db.Users.SingleAsync(u => u.DisplayName == "Hannah Lewis"));
        Assert.Equal((CasePriority.Urgent, hannah.Id, "Tier 2"), (after.Priority, after.AssignedTo!.Value, after.WorkGroup));
        Assert.Equal(before.CreatedAt + SlaTable.Default.Target(null, CasePriority.Urgent), after.SlaDueAt);
    }

    [Fact]
    public async Task EditForm_AssigneeWhoDoesNotWorkCases_IsRefusedAndNothingChanges()
    {
        var chat = App.Chat(Connector, CrmData.Ana);
        await chat.SendAsync($"case {_number}");
        await chat.PressAsync("Edit");

        (await chat.PressAsync("Save", ("priority", "sometime"), ("assignee", "Lucía Ibáñez"))).ShouldSay("Priority is low, normal, high or urgent", "Lucía Ibáñez does not work on cases");

        Assert.Single((await CaseAsync()).History);
    }

    [Fact]
    public async Task StaleCard_ChangedBySomeoneElse_IsRefusedWithTheCurrentCard()
    {
        var ana = App.Chat(Connector, CrmData.Ana);
        var hannah = App.Chat(Connector, Hannah);
        await ana.SendAsync($"case {_number}");
        await hannah.SendAsync($"case {_number}");

        await hannah.PressAsync("Start");
        (await ana.PressAsync("Take it")).ShouldSay("changed since that card was shown", "in progress");

        var supportCase = await CaseAsync();
        Assert.Equal(2, supportCase.History.Count);
        Assert.Equal("Ana García", await App.WithDatabaseAsync(db => db.Users.Where(u => u.Id == supportCase.AssignedTo).Select(u => u.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task Case_RepOfAnotherTeamAndAdmin_AreRefusedAndAudited()
    {
        var emily = (await App.Chat(Connector, Emily).SendAsync($"case {_number}")).ShouldSay("can't show you support cases");
        (await App.Chat(Connector, Lucia).SendAsync($"case {_number}")).ShouldSay("I can't show you cases");

        Assert.DoesNotContain("Printer offline", emily.Text, StringComparison.Ordinal);
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal((AuditAction.AccessDenied, CustomerField.Cases), (entry.Action, entry.Fields));
    }

    [Fact]
    public async Task Case_UnknownNumber_SaysHowNumbersLook()
    {
        (await App.Chat(Connector, Hannah).SendAsync("case C-00000000")).ShouldSay("I found no case C-00000000", "C-1A2B3C4D");
    }

    [Fact]
    public async Task SlaTable_FromConfiguration_SetsTheDueTimeOfNewCases()
    {
        await using var app = new ChatCrmApp(Database, new Dictionary<string, string?> { ["Cases:Sla:Bronze:Urgent"] = "1" });

        (await app.Chat(Connector, CrmData.Ana).SendAsync("case new maria.nunez@acme.es | Server down, urgent")).ShouldSay("Urgent", "1 h 0 min left");
    }

    [Fact]
    public async Task SlaTable_WrongConfiguration_StopsStartUpNamingTheSetting()
    {
        await using var app = new ChatCrmApp(Database, new Dictionary<string, string?> { ["Cases:Sla:Diamond:Urgent"] = "1", ["Cases:Sla:Gold:Urgent"] = "-3" });

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Cases:Sla:Diamond is not a tier", failure.ToString(), StringComparison.Ordinal);
        Assert.Contains("Cases:Sla:Gold:Urgent must be a number of hours above 0", failure.ToString(), StringComparison.Ordinal);
    }

    private Task<SupportCase> CaseAsync() =>
        App.WithDatabaseAsync(db => db.SupportCases.AsNoTracking().Include(c => c.History).SingleAsync());

    private Task<List<AuditEntry>> AuditAsync() =>
        App.WithDatabaseAsync(db => db.AuditEntries.OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync());
}
