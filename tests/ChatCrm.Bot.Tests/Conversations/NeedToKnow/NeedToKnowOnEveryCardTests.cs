using System.Text.Json.Nodes;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Tiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Bot.Tests.Conversations.NeedToKnow;

/// <summary>
/// Need-to-know on every card: each view of the marked customer, asked by every role, shows no part the role may not
/// see (by <see cref="NeedToKnowPolicy"/>, not by what the cards happen to do), and its audit entry names exactly the
/// parts whose markers the bot sent, with the view's action and the person as actor.
/// </summary>
public sealed class NeedToKnowOnEveryCardTests : BotTestBase
{
    private static readonly TeamsUser Owner = CrmData.Ana;
    private static readonly TeamsUser TeamMate = new("29:rafa", "20000000-0000-4000-8000-000000000001", "Rafa Torres");
    private static readonly TeamsUser OtherTeamRep = new("29:emily", "20000000-0000-4000-8000-000000000002", "Emily Carter");
    private static readonly TeamsUser OwnersManager = new("29:carmen", "20000000-0000-4000-8000-000000000003", "Carmen Ordonez");
    private static readonly TeamsUser OtherManager = new("29:omar", "20000000-0000-4000-8000-000000000004", "Omar Haddad");
    private static readonly TeamsUser SupportAgent = new("29:hannah", "20000000-0000-4000-8000-000000000005", "Hannah Lewis");
    private static readonly TeamsUser PrivacyOfficer = new("29:priya", "20000000-0000-4000-8000-000000000006", "Priya Shah");
    private static readonly TeamsUser Admin = new("29:lucia", "20000000-0000-4000-8000-000000000007", "Lucia Ibanez");

    private static readonly (string Role, TeamsUser User)[] Roles =
    [
        ("support agent", SupportAgent), ("owner", Owner), ("rep of the owner's team", TeamMate), ("rep of another team", OtherTeamRep),
        ("owner's manager", OwnersManager), ("another manager", OtherManager), ("privacy officer", PrivacyOfficer), ("admin", Admin),
    ];

    private Guid _customerId;
    private string _caseNumber = null!;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Privacy:PublicBaseUrl"] = "https://chatcrm.example" };

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        var carmen = await db.AddUserAsync(OwnersManager, UserRole.Manager, "Sales management");
        var omar = await db.AddUserAsync(OtherManager, UserRole.Manager, "Sales management");
        var ana = await db.AddUserAsync(Owner, UserRole.SalesRep, "Quill Sales", carmen);
        await db.AddUserAsync(TeamMate, UserRole.SalesRep, "Quill Sales", carmen);
        await db.AddUserAsync(OtherTeamRep, UserRole.SalesRep, "Sales North America", omar);
        var hannah = await db.AddUserAsync(SupportAgent, UserRole.SupportAgent, "Support");
        await db.AddUserAsync(PrivacyOfficer, UserRole.PrivacyOfficer, "Legal");
        await db.AddUserAsync(Admin, UserRole.Admin, "IT");
        var (customer, caseNumber) = await MarkedCustomer.AddAsync(db, ana, hannah);
        (_customerId, _caseNumber) = (customer.Id.Value, caseNumber);
    }

    public static TheoryData<string> Views => CustomerViews.Names();

    [Theory]
    [MemberData(nameof(Views))]
    public async Task View_EveryRole_ShowsOnlyWhatTheRoleMaySeeAndAuditsExactlyThat(string viewName)
    {
        var view = CustomerViews.All.Single(v => v.Name == viewName);
        var profile = await ArrangeViewsAsync();

        var problems = new List<string>();
        foreach (var (role, user) in Roles)
        {
            var (appeared, grant, entries, actor) = await AskAsync(view, user, profile);
            problems.AddRange(Check(view, appeared, grant, entries, actor).Select(p => $"{view.Name} as {role}: {p}"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Guards the markers themselves: between them, the views show the owner every marked part.</summary>
    [Fact]
    public async Task AllViews_Owner_RevealEveryMarkedPart()
    {
        var profile = await ArrangeViewsAsync();

        var seen = CustomerField.None;
        foreach (var view in CustomerViews.All)
            seen |= (await AskAsync(view, Owner, profile)).Appeared;

        Assert.Equal(MarkedCustomer.Marked, seen);
    }

    /// <summary>What a view must satisfy: no part beyond the grant, and one audit entry naming exactly what appeared.</summary>
    private static IEnumerable<string> Check(CustomerView view, CustomerField appeared, AccessGrant grant, IReadOnlyList<AuditEntry> entries, UserId actor)
    {
        if ((appeared & ~grant.Visible) is var leaked and not CustomerField.None)
            yield return $"shows {leaked}, which the role may not see (it may see {grant.Visible})";
        var views = entries.Where(e => e.Action != AuditAction.AccessDenied).ToList();
        var refused = entries.Any(e => e.Action == AuditAction.AccessDenied);
        // A refusal may name the customer (to say what to ask instead); its audit entry is the refusal.
        if (appeared == CustomerField.None || (refused && views.Count == 0 && appeared == CustomerField.Identity))
        {
            if (views.Count > 0)
                yield return $"audited {string.Join(", ", views.Select(e => $"{e.Action} {e.Fields}"))} but showed nothing of the customer";
            yield break;
        }
        if (views.Count != 1)
        {
            yield return $"showed {appeared} with {views.Count} audit entries for the customer (expected one {view.Action})";
            yield break;
        }
        var entry = views[0];
        if (entry.Action != view.Action || entry.Actor != actor)
            yield return $"audited as {entry.Action} by {entry.Actor}, expected {view.Action} by {actor}";
        var audited = view.HandsOver is null ? entry.Fields & MarkedCustomer.Marked : entry.Fields;
        var expected = view.HandsOver ?? appeared;
        if (audited != expected)
            yield return $"showed {appeared} but the audit entry names {entry.Fields}";
        if (view.HandsOver is null && (entry.Fields & ~grant.Visible) is var beyond and not CustomerField.None)
            yield return $"the audit entry names {beyond}, which the role may not see";
    }

    private async Task<(CustomerField Appeared, AccessGrant Grant, IReadOnlyList<AuditEntry> Entries, UserId Actor)> AskAsync(
        CustomerView view, TeamsUser user, JsonObject profile)
    {
        var (viewer, owner, before) = await App.WithDatabaseAsync(async db => (
            await db.Users.SingleAsync(u => u.DisplayName == user.Name),
            await db.Users.SingleAsync(u => u.DisplayName == Owner.Name),
            await db.AuditEntries.Select(a => a.Id).ToListAsync()));
        var grant = NeedToKnowPolicy.Decide(viewer, CustomerAccessFacts.OwnedBy(owner));

        var shown = await view.AskAsync(new ViewRequest(App, Connector, user, _customerId, _caseNumber, profile));

        var entries = await App.WithDatabaseAsync(db => db.AuditEntries
            .Where(a => !before.Contains(a.Id) && a.CustomerId == new Domain.Customers.CustomerId(_customerId)).ToListAsync());
        return (MarkedCustomer.AppearingIn(shown), grant, entries, viewer.Id);
    }

    /// <summary>Values the customer (so tiers and figures exist) and returns the profile card its owner was shown, for refreshes.</summary>
    private async Task<JsonObject> ArrangeViewsAsync()
    {
        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<TierRecalculation>().RecalculateAsync(progress: null, CancellationToken.None);
        Connector.Members[CustomerViews.SharedGroup] = [.. Roles.Select(r => r.User)];
        var turn = await App.Chat(Connector, Owner, conversationId: CustomerViews.SharedGroup, conversationType: "groupChat").SendAsync($"find {MarkedCustomer.Name}");
        return turn.Messages.Last(m => m.Card is not null).Card!;
    }
}
