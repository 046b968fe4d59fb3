using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Tests.Users;

public sealed class UserDeactivationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.FromHours(1));

    private static User Someone(UserRole role) => new(UserId.New(), "Elena Admin", role, "IT", "Europe/Madrid", "en-US");

    [Fact]
    public void Deactivate_ActiveUser_RecordsTheMomentInUtc()
    {
        var user = Someone(UserRole.SalesRep);

        user.Deactivate(Now);

        Assert.False(user.IsActive);
        Assert.Equal(TimeSpan.Zero, user.DeactivatedAt!.Value.Offset);
        Assert.Equal(Now, user.DeactivatedAt);
    }

    [Fact]
    public void Deactivate_AlreadyDeactivated_IsRefused()
    {
        var user = Someone(UserRole.SalesRep);
        user.Deactivate(Now);

        Assert.Throws<DomainRuleException>(() => user.Deactivate(Now.AddDays(1)));
    }

    [Fact]
    public void Reactivate_DeactivatedUser_IsActiveAgain()
    {
        var user = Someone(UserRole.SalesRep);
        user.Deactivate(Now);

        user.Reactivate();

        Assert.True(user.IsActive);
    }

    [Fact]
    public void DecideDeactivation_LastActiveAdmin_IsRefused()
    {
        var decision = RoleChangeRule.DecideDeactivation(Someone(UserRole.Admin), activeAdminCount: 1);

        Assert.False(decision.Allowed);
        Assert.StartsWith("Elena Admin is the last admin", decision.Reason!.English, StringComparison.Ordinal);
    }

    [Fact]
    public void DecideDeactivation_AlreadyDeactivated_IsRefused()
    {
        var user = Someone(UserRole.SalesRep);
        user.Deactivate(Now);

        var decision = RoleChangeRule.DecideDeactivation(user, activeAdminCount: 2);

        Assert.False(decision.Allowed);
        Assert.Contains("already deactivated", decision.Reason!.English, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(UserRole.Admin, 2)]
    [InlineData(UserRole.SalesRep, 1)]
    [InlineData(UserRole.Manager, 0)]
    public void DecideDeactivation_AnyoneElse_IsAllowed(UserRole role, int admins) =>
        Assert.True(RoleChangeRule.DecideDeactivation(Someone(role), admins).Allowed);
}
