using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Cases;

/// <summary>Support cases through chat: opening one under need-to-know, the queue by SLA, and open cases on the profile card.</summary>
public sealed class CaseTranscriptTests : BotTestBase
{
    private static readonly TeamsUser Carmen = new("29:carmen", "c0000000-0000-4000-8000-000000000001", "Carmen Ordóñez");
    private static readonly TeamsUser Emily = new("29:emily", "e0000000-0000-4000-8000-000000000002", "Emily Carter");
    private static readonly TeamsUser Hannah = new("29:hannah", "a0000000-0000-4000-8000-000000000003", "Hannah Lewis");
    private static readonly TeamsUser Lucia = new("29:lucia", "10000000-0000-4000-8000-000000000004", "Lucía Ibáñez");

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var carmen = await db.AddUserAsync(Carmen, UserRole.Manager, "Dirección EMEA");
        var ana = await db.AddUserAsync(CrmData.Ana, UserRole.SalesRep, "Ventas España", carmen);
        await db.AddUserAsync(Emily, UserRole.SalesRep, "Sales North America");
        await db.AddUserAsync(Hannah, UserRole.SupportAgent, "Support");
        await db.AddUserAsync(Lucia, UserRole.Admin, "IT");
        await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria.nunez@acme.es", phone: "+34 600 123 456", owner: ana);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task CaseNew_Owner_OpensAnUrgentBronzeCaseAssignedToThemAndAuditsIt()
    {
        (await En(CrmData.Ana).SendAsync("case new maria.nunez@acme.es | Printer offline, urgent"))
            .ShouldSay("opened", "María Núñez", "Printer offline, urgent", "Urgent", "the title says \"urgent\"", "Bronze", "SLA due", "8 h 0 min left");

        var supportCase = Assert.Single(await CasesAsync());
        var ana = await App.WithDatabaseAsync(db => db.Users.SingleAsync(u => u.DisplayName == "Ana García"));
        Assert.Equal((CasePriority.Urgent, ana.Id, CaseStatus.Open), (supportCase.Priority, supportCase.AssignedTo!.Value, supportCase.Status));
        var entry = Assert.Single(await AuditAsync());
        // The owner may see tiers: the card shows "Bronze", and the entry names it.
        Assert.Equal((AuditAction.OpenedCase, CustomerField.Identity | CustomerField.Cases | CustomerField.Tier), (entry.Action, entry.Fields));
    }

    [Fact]
    public async Task CasoNuevo_SpanishWithoutPriorityWord_IsNormalPriority()
    {
        (await En(Hannah).SendAsync("caso nuevo María Núñez | Factura duplicada"))
            .ShouldSay("opened", "Normal", "no priority word in the title", "3 d 0 h left");

        Assert.Equal(CasePriority.Normal, Assert.Single(await CasesAsync()).Priority);
    }

    [Fact]
    public async Task CaseNew_MissingTitle_AsksForItAndSavesNothing()
    {
        (await En(CrmData.Ana).SendAsync("case new maria.nunez@acme.es")).ShouldSay("What is the case about?", "case new <customer> | <what the problem is>");

        Assert.Empty(await CasesAsync());
    }

    [Fact]
    public async Task CaseNew_RepOfAnotherTeam_IsRefusedByNeedToKnowAndTheAttemptIsAudited()
    {
        (await En(Emily).SendAsync("case new maria.nunez@acme.es | Printer offline"))
            .ShouldSay("can't show you support cases for María Núñez", "Ventas España");

        Assert.Empty(await CasesAsync());
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal((AuditAction.AccessDenied, CustomerField.Cases), (entry.Action, entry.Fields));
    }

    [Fact]
    public async Task CasesAndCaseNew_Admin_AreRefusedAndNothingIsShownOrSaved()
    {
        await SeedCaseAsync("Old invoice question", CrmData.Now.AddDays(-5));
        var chat = En(Lucia);

        var queue = (await chat.SendAsync("cases")).ShouldSay("can't show you a case queue", "admins manage ChatCrm's configuration");
        (await chat.SendAsync("case new maria.nunez@acme.es | Printer offline")).ShouldSay("can't open cases for you");

        Assert.DoesNotContain("Old invoice question", queue.Text, StringComparison.Ordinal);
        Assert.Single(await CasesAsync());
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task Cases_OwnQueueAndManagersQueue_ListOverdueFirstWithTheSlaReason()
    {
        await SeedCaseAsync("Fresh question", CrmData.Now.AddHours(-1));
        await SeedCaseAsync("Old invoice question", CrmData.Now.AddDays(-5));

        var own = (await En(CrmData.Ana).SendAsync("casos")).ShouldSay("Your case queue", "2 active cases", "María Núñez", "overdue by", "Normal");
        var team = (await En(Carmen).SendAsync("cases")).ShouldSay("Your team's case queue", "Old invoice question", "Fresh question");
        (await En(Emily).SendAsync("cases")).ShouldSay("No active cases assigned to you.");

        Assert.True(own.Text.IndexOf("Old invoice question", StringComparison.Ordinal) < own.Text.IndexOf("Fresh question", StringComparison.Ordinal));
        Assert.True(team.Text.IndexOf("Old invoice question", StringComparison.Ordinal) < team.Text.IndexOf("Fresh question", StringComparison.Ordinal));
        Assert.Contains(await AuditAsync(), e => e.Action == AuditAction.ListedInCaseQueue);
    }

    [Fact]
    public async Task Find_OpenCases_AreOnTheProfileForThoseAllowedCasesOnly()
    {
        await SeedCaseAsync("Old invoice question", CrmData.Now.AddDays(-5));

        (await En(Hannah).SendAsync("find maria.nunez@acme.es")).ShouldSay("Open cases", "Old invoice question", "overdue by");
        var other = (await En(Emily).SendAsync("find maria.nunez@acme.es")).ShouldSay("María Núñez");

        Assert.DoesNotContain("Old invoice question", other.Text, StringComparison.Ordinal);
        var entries = await AuditAsync();
        Assert.True(entries[0].Fields.HasFlag(CustomerField.Cases));
        Assert.False(entries[1].Fields.HasFlag(CustomerField.Cases));
    }

    [Fact]
    public async Task CaseNew_SeveralCustomersMatch_ChoiceKeepsTheTitle()
    {
        await App.WithDatabaseAsync(db => db.AddCustomerAsync("Marina Núñez", "Acme Ibérica"));
        var chat = En(Hannah);

        (await chat.SendAsync("case new nunez acme | Broken badge reader")).ShouldSay("María Núñez", "Marina Núñez");
        (await chat.SendAsync("1")).ShouldSay("opened", "Broken badge reader");

        Assert.Equal("Broken badge reader", Assert.Single(await CasesAsync()).Title);
    }

    private TeamsChat En(TeamsUser user) => App.Chat(Connector, user);

    private Task SeedCaseAsync(string title, DateTimeOffset openedAt) => App.WithDatabaseAsync(async db =>
    {
        var ana = await db.Users.SingleAsync(u => u.DisplayName == "Ana García");
        var maria = await db.Customers.SingleAsync(c => c.DisplayName == "María Núñez");
        db.SupportCases.Add(SupportCase.Open(maria.Id, title, null, CasePriority.Normal, null, ana.Id, "Ventas España", openedAt, SlaTable.Default));
        await db.SaveChangesAsync();
    });

    private Task<List<SupportCase>> CasesAsync() => App.WithDatabaseAsync(db => db.SupportCases.AsNoTracking().ToListAsync());

    private Task<List<AuditEntry>> AuditAsync() =>
        App.WithDatabaseAsync(db => db.AuditEntries.OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync());
}
