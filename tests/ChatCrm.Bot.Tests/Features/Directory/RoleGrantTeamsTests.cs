using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Directory;

/// <summary>
/// Issue 20, finding 7: giving the admin or privacy officer role needs a second admin. The grant an admin saves on the
/// edit form is stored as pending (the user keeps their role), the admin who asked cannot confirm it, and a different
/// admin's Confirm on "admin pending" applies it; each step is audited.
/// </summary>
public sealed class RoleGrantTeamsTests : BotTestBase
{
    private static readonly TeamsUser Elena = new("29:elena-chat-id", "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a", "Elena Admin");
    private static readonly TeamsUser Marco = new("29:marco-chat-id", "6e5d4c3b-2a1f-4e0d-9c8b-7a6f5e4d3c2b", "Marco Second");

    private User _elena = null!;
    private User _marco = null!;
    private User _ana = null!;

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        _elena = await db.AddUserAsync(Elena, UserRole.Admin, "IT");
        _marco = await db.AddUserAsync(Marco, UserRole.Admin, "IT");
        _ana = await db.AddUserAsync(CrmData.Ana, UserRole.SalesRep, "Iberia");
        _ana.UseEmail("ana.garcia@example.com");
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task EditForm_AdminGivesTheAdminRole_IsPendingUntilASecondAdminConfirms()
    {
        var elena = App.Chat(Connector, Elena);
        await elena.SendAsync("admin user Ana García");
        await elena.PressAsync("Edit");

        (await elena.PressAsync("Save", UserAdminTeamsTests.Filled(elena.LastCard!, ("role", "Admin")))).ShouldSay("waits for a second admin");
        Assert.Equal(UserRole.SalesRep, await RoleOfAnaAsync());

        var marco = App.Chat(Connector, Marco);
        (await marco.SendAsync("admin pending")).ShouldSay("Ana García", "asked by Elena Admin");
        (await marco.PressAsync("Confirm")).ShouldSay("Confirmed: Ana García is now admin");

        Assert.Equal(UserRole.Admin, await RoleOfAnaAsync());
        var grant = await App.WithDatabaseAsync(db => db.RoleGrantRequests.SingleAsync());
        Assert.Equal((RoleGrantStatus.Confirmed, _elena.Id, (UserId?)_marco.Id), (grant.Status, grant.RequestedBy!.Value, grant.DecidedBy));
        var audit = await App.WithDatabaseAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.RequestedRoleGrant || a.Action == AuditAction.DecidedRoleGrant)
            .OrderBy(a => a.At).Select(a => new { a.Action, a.Actor }).ToListAsync());
        Assert.Equal([(AuditAction.RequestedRoleGrant, (UserId?)_elena.Id), (AuditAction.DecidedRoleGrant, _marco.Id)], audit.Select(a => (a.Action, a.Actor)));
    }

    [Fact]
    public async Task Confirm_ByTheAdminWhoAsked_IsRefusedAuditedAndChangesNothing()
    {
        var elena = App.Chat(Connector, Elena);
        (await elena.SendAsync("admin map teams 29:ana-new-id Ana García privacy")).ShouldSay("waits for a second admin");

        (await elena.SendAsync("admin pending")).ShouldSay("privacy officer");
        (await elena.PressAsync("Confirm")).ShouldSay("A second admin must decide this request");

        Assert.Equal(UserRole.SalesRep, await RoleOfAnaAsync());
        Assert.Equal(RoleGrantStatus.Pending, await App.WithDatabaseAsync(db => db.RoleGrantRequests.Select(r => r.Status).SingleAsync()));
        var refused = await App.WithDatabaseAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.DecidedRoleGrant));
        Assert.Equal(_elena.Id, refused.Actor);
        Assert.Contains("not decided", refused.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskedTwice_TheGrantAlreadyWaiting_IsTheOneToDecide()
    {
        var elena = App.Chat(Connector, Elena);
        (await elena.SendAsync("admin map teams 29:ana-new-id Ana García admin")).ShouldSay("waits for a second admin");
        (await elena.SendAsync("admin map teams 29:ana-new-id Ana García admin")).ShouldSay("waits for a second admin");

        var grant = Assert.Single(await App.WithDatabaseAsync(db => db.RoleGrantRequests.ToListAsync()));
        Assert.Equal(RoleGrantStatus.Pending, grant.Status);
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.RequestedRoleGrant)));
    }

    [Fact]
    public async Task Reject_BySecondAdmin_LeavesTheRole()
    {
        (await App.Chat(Connector, Elena).SendAsync("admin map teams 29:ana-new-id Ana García admin")).ShouldSay("waits for a second admin");
        var marco = App.Chat(Connector, Marco);
        await marco.SendAsync("admin pending");

        (await marco.PressAsync("Reject")).ShouldSay("Rejected: Ana García keeps their role");

        Assert.Equal(UserRole.SalesRep, await RoleOfAnaAsync());
        Assert.Equal(RoleGrantStatus.Rejected, await App.WithDatabaseAsync(db => db.RoleGrantRequests.Select(r => r.Status).SingleAsync()));
    }

    private Task<UserRole> RoleOfAnaAsync() => App.WithDatabaseAsync(db => db.Users.Where(u => u.Id == _ana.Id).Select(u => u.Role).SingleAsync());
}
