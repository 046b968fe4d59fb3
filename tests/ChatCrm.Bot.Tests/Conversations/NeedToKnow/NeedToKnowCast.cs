using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Conversations.NeedToKnow;

/// <summary>
/// The people who ask for the marked customer, one of each role (the owner and their team and manager, another team
/// and manager, support, the privacy officer, an admin), on Teams and Slack alike, and what each view must satisfy.
/// </summary>
public static class NeedToKnowCast
{
    public static readonly TeamsUser Owner = CrmData.Ana;

    public static IReadOnlyList<(string Role, TeamsUser User)> Roles { get; } =
    [
        ("support agent", new("29:hannah", "20000000-0000-4000-8000-000000000005", "Hannah Lewis")),
        ("owner", Owner),
        ("rep of the owner's team", new("29:rafa", "20000000-0000-4000-8000-000000000001", "Rafa Torres")),
        ("rep of another team", new("29:emily", "20000000-0000-4000-8000-000000000002", "Emily Carter")),
        ("owner's manager", new("29:carmen", "20000000-0000-4000-8000-000000000003", "Carmen Ordonez")),
        ("another manager", new("29:omar", "20000000-0000-4000-8000-000000000004", "Omar Haddad")),
        ("privacy officer", new("29:priya", "20000000-0000-4000-8000-000000000006", "Priya Shah")),
        ("admin", new("29:lucia", "20000000-0000-4000-8000-000000000007", "Lucia Ibanez")),
    ];

    /// <summary>The same person in Slack (each user is linked to both channels).</summary>
    public static SlackUser InSlack(TeamsUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new("T0ACME", "U0" + user.Name.Split(' ')[0].ToUpperInvariant(), user.Name);
    }

    private static TeamsUser User(string role) => Roles.Single(r => r.Role == role).User;

    /// <summary>Everyone, and the marked customer owned by the owner, its case assigned to the support agent.</summary>
    public static async Task<(Customer Customer, string CaseNumber)> ArrangeAsync(CrmDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var carmen = await db.AddUserAsync(User("owner's manager"), UserRole.Manager, "Sales management");
        var omar = await db.AddUserAsync(User("another manager"), UserRole.Manager, "Sales management");
        var ana = await db.AddUserAsync(Owner, UserRole.SalesRep, "Quill Sales", carmen);
        await db.AddUserAsync(User("rep of the owner's team"), UserRole.SalesRep, "Quill Sales", carmen);
        await db.AddUserAsync(User("rep of another team"), UserRole.SalesRep, "Sales North America", omar);
        var hannah = await db.AddUserAsync(User("support agent"), UserRole.SupportAgent, "Support");
        await db.AddUserAsync(User("privacy officer"), UserRole.PrivacyOfficer, "Legal");
        await db.AddUserAsync(User("admin"), UserRole.Admin, "IT");
        foreach (var user in await db.Users.ToListAsync())
        {
            var slack = InSlack(Roles.Single(r => r.User.Name == user.DisplayName).User);
            user.LinkSlack(slack.TeamId, slack.UserId);
        }
        await db.SaveChangesAsync();
        var marked = await MarkedCustomer.AddAsync(db, ana, hannah);
        // A second valued customer of the owner: the team's aggregates (value per customer in kpis and the digest) are
        // then figures of the team, not the marked customer's own revenue restated.
        await db.AddOrderAsync(await db.AddCustomerAsync("Bruno Teammate", "Other Ltd", owner: ana), "QUOKKA-1", 12_346m);
        return marked;
    }

    /// <summary>What the person may see of the marked customer, by the domain's rule, and their user id.</summary>
    public static async Task<(AccessGrant Grant, UserId Actor)> GrantAsync(CrmDbContext db, TeamsUser user)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var viewer = await db.Users.SingleAsync(u => u.DisplayName == user.Name);
        var owner = await db.Users.SingleAsync(u => u.DisplayName == Owner.Name);
        return (NeedToKnowPolicy.Decide(viewer, CustomerAccessFacts.OwnedBy(owner)), viewer.Id);
    }

    /// <summary>
    /// What a view must satisfy: no part beyond the grant, and an audit entry of one of <paramref name="actions"/>
    /// by <paramref name="actor"/> naming exactly the parts that appeared (or, for a view handing data over, <paramref name="handsOver"/>).
    /// </summary>
    public static IEnumerable<string> Check(IReadOnlyCollection<AuditAction> actions, CustomerField? handsOver, CustomerField appeared, AccessGrant grant,
        IReadOnlyList<AuditEntry> entries, UserId actor)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(entries);
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
            yield return $"showed {appeared} with {views.Count} audit entries for the customer (expected one {string.Join(" or ", actions)})";
            yield break;
        }
        var entry = views[0];
        if (!actions.Contains(entry.Action) || entry.Actor != actor)
            yield return $"audited as {entry.Action} by {entry.Actor}, expected {string.Join(" or ", actions)} by {actor}";
        var audited = handsOver is null ? entry.Fields & MarkedCustomer.Marked : entry.Fields;
        if (audited != (handsOver ?? appeared))
            yield return $"showed {appeared} but the audit entry names {entry.Fields}";
        if (handsOver is null && (entry.Fields & ~grant.Visible) is var beyond and not CustomerField.None)
            yield return $"the audit entry names {beyond}, which the role may not see";
    }
}
