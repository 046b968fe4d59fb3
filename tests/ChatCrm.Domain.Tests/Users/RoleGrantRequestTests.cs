using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Tests.Users;

public sealed class RoleGrantRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);
    private static readonly UserId Target = UserId.New();
    private static readonly UserId Asker = UserId.New();
    private static readonly UserId Second = UserId.New();

    [Theory]
    [InlineData(UserRole.SalesRep, UserRole.Admin, true)]
    [InlineData(UserRole.Manager, UserRole.PrivacyOfficer, true)]
    [InlineData(UserRole.Admin, UserRole.Admin, false)]
    [InlineData(UserRole.SalesRep, UserRole.Manager, false)]
    [InlineData(UserRole.Admin, UserRole.SalesRep, false)]
    public void NeedsSecondAdmin_OnlyForGivingAdminOrPrivacyOfficer(UserRole from, UserRole to, bool needed) =>
        Assert.Equal(needed, RoleGrantRequest.NeedsSecondAdmin(from, to));

    [Fact]
    public void Confirm_ByTheAsker_IsRefusedAndStaysPending()
    {
        var request = RoleGrantRequest.Ask(Target, UserRole.Admin, Asker, null, Now);

        Assert.NotNull(request.RefusalFor(Asker));
        Assert.NotNull(request.RefusalFor(Target));
        Assert.Throws<DomainRuleException>(() => request.Confirm(Asker, Now));
        Assert.Equal(RoleGrantStatus.Pending, request.Status);
    }

    [Fact]
    public void Confirm_BySecondAdmin_IsConfirmedOnce()
    {
        var request = RoleGrantRequest.Ask(Target, UserRole.PrivacyOfficer, null, "apikey:hr-sync", Now);

        request.Confirm(Second, Now);

        Assert.Equal((RoleGrantStatus.Confirmed, (UserId?)Second), (request.Status, request.DecidedBy));
        Assert.Throws<DomainRuleException>(() => request.Reject(UserId.New(), Now));
    }
}
