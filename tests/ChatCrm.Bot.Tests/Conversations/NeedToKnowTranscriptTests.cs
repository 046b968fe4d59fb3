using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Conversations;

/// <summary>Need-to-know through chat: each role sees what its work needs, is told politely about the rest, and every view is audited with its fields.</summary>
public sealed class NeedToKnowTranscriptTests : BotTestBase
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
        var maria = await db.AddCustomerAsync("María Núñez", "Acme Ibérica", email: "maria.nunez@acme.es", phone: "+34 600 123 456", owner: ana);
        db.Interactions.Add(Interaction.Log(maria.Id, ana.Id, CrmData.Now.AddDays(-2), CrmData.Now, InteractionChannel.Visit, InteractionKind.Visit,
            "Visited the Madrid office; talked about the renewal price", "Wants a quote for 20 seats", null));
        await db.AddOfferAsync("TRAINING", "Admin training day", "Training", ConsentPurpose.Marketing);
        await db.AddOfferAsync("SUPPORT-PLUS", "Support Plus renewal", "Support", ConsentPurpose.Service);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Find_RepOfAnotherTeam_SeesBasicContactDataOnlyAndIsToldWhy()
    {
        var turn = (await App.Chat(Connector, Emily).SendAsync("find maria.nunez@acme.es"))
            .ShouldSay("María Núñez", "Acme Ibérica", "maria.nunez@acme.es", "Some of this record is not shown to you", "Ventas España");

        Assert.DoesNotContain("Last conversation\nWhen", turn.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Last conversation", turn.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Last contact", turn.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Última conversación", turn.Text, StringComparison.Ordinal);
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal((AuditAction.ViewedCustomer, CustomerField.BasicContact), (entry.Action, entry.Fields));
    }

    [Fact]
    public async Task Last_RepOfAnotherTeam_IsRefusedPolitelyAndTheAttemptIsAudited()
    {
        var turn = (await App.Chat(Connector, Emily).SendAsync("last maria.nunez@acme.es"))
            .ShouldSay("can't show you the conversation history for María Núñez", "Ventas España", "find María Núñez");

        Assert.DoesNotContain("renewal price", turn.Text, StringComparison.Ordinal);
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal((AuditAction.AccessDenied, CustomerField.Interactions), (entry.Action, entry.Fields));
    }

    [Fact]
    public async Task Find_OwnerAndTheirManager_SeeTheFullRecord()
    {
        (await App.Chat(Connector, CrmData.Ana).SendAsync("find maria.nunez@acme.es")).ShouldSay("Last conversation", "Visited the Madrid office", "Interactions");
        var manager = (await App.Chat(Connector, Carmen).SendAsync("last maria.nunez@acme.es")).ShouldSay("renewal price");

        Assert.DoesNotContain("not shown to you", manager.Text, StringComparison.Ordinal);
        var entries = await AuditAsync();
        // No tier yet (no recalculation): the value section says so, and shows no figures to audit.
        Assert.Equal(CustomerField.BasicContact | CustomerField.Interactions | CustomerField.Consents, entries[0].Fields);
        // "last" by the owner's manager shows the whole brief: cases, tier with revenue, consents.
        Assert.Equal(CustomerField.Identity | CustomerField.Interactions | CustomerField.Cases | CustomerField.Revenue | CustomerField.Tier | CustomerField.Consents,
            entries[1].Fields);
    }

    [Fact]
    public async Task Offers_SupportAgent_SeesSuggestionsButNotWhatWasHeldBack()
    {
        var agent = (await App.Chat(Connector, Hannah).SendAsync("offers maria.nunez@acme.es")).ShouldSay("Support Plus renewal");
        var owner = (await App.Chat(Connector, CrmData.Ana).SendAsync("offers maria.nunez@acme.es")).ShouldSay("Held back", "Admin training day");

        Assert.DoesNotContain("Held back", agent.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Admin training day", agent.Text, StringComparison.Ordinal);
        var entries = await AuditAsync();
        Assert.False(entries[0].Fields.HasFlag(CustomerField.SuppressedOffers));
        Assert.True(entries[1].Fields.HasFlag(CustomerField.SuppressedOffers));
        Assert.NotNull(owner);
    }

    [Fact]
    public async Task Find_SupportAgent_SeesServiceDataButNoValueSection()
    {
        var owner = (await App.Chat(Connector, CrmData.Ana).SendAsync("find maria.nunez@acme.es")).ShouldSay("No value tier yet");
        var agent = (await App.Chat(Connector, Hannah).SendAsync("find maria.nunez@acme.es")).ShouldSay("Last conversation", "Some of this record is not shown to you");

        Assert.DoesNotContain("value tier", agent.Text, StringComparison.OrdinalIgnoreCase);
        Assert.False((await AuditAsync())[1].Fields.HasFlag(CustomerField.Tier));
        Assert.NotNull(owner);
    }

    [Fact]
    public async Task Find_ChoiceCard_AuditsEachListedCandidateAsABasicContactView()
    {
        await App.WithDatabaseAsync(db => db.AddCustomerAsync("Marina Núñez", "Acme Ibérica"));

        (await App.Chat(Connector, Emily).SendAsync("find nunez acme")).ShouldSay("María Núñez", "Marina Núñez");

        var entries = await AuditAsync();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal((AuditAction.ListedInSearch, CustomerField.BasicContact), (e.Action, e.Fields)));
    }

    [Fact]
    public async Task AnyCommand_Admin_SeesNoCustomerContentAndCannotLog()
    {
        var chat = App.Chat(Connector, Lucia);

        var find = (await chat.SendAsync("find maria.nunez@acme.es")).ShouldSay("can't look customers up for you", "admins manage ChatCrm's configuration");
        (await chat.SendAsync("log maria.nunez@acme.es")).ShouldSay("Only reps, support agents and managers log");

        Assert.DoesNotContain("María Núñez", find.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("+34", find.Text, StringComparison.Ordinal);
        Assert.Empty(await AuditAsync());
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.Interactions.CountAsync()));
    }

    private Task<List<AuditEntry>> AuditAsync() =>
        App.WithDatabaseAsync(db => db.AuditEntries.OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync());
}
