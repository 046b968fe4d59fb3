using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.PrivacyCentre;

namespace ChatCrm.Domain.Tests.PrivacyCentre;

public sealed class PrivacyLinkTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    private static PrivacyLink Issued() => PrivacyLink.Issue(new string('a', 64), CustomerId.New(), Now, TimeSpan.FromMinutes(15), null);

    [Fact]
    public void OpensAt_BeforeAndAfterItsLifetime_OpensOnlyBefore()
    {
        var link = Issued();

        Assert.True(link.OpensAt(Now.AddMinutes(14)));
        Assert.False(link.OpensAt(Now.AddMinutes(15)));
    }

    [Fact]
    public void Use_Twice_SecondUseThrows()
    {
        var link = Issued();
        link.Use(Now.AddMinutes(1));

        Assert.False(link.OpensAt(Now.AddMinutes(2)));
        Assert.Throws<DomainRuleException>(() => link.Use(Now.AddMinutes(2)));
    }

    [Fact]
    public void Use_Expired_Throws() =>
        Assert.Throws<DomainRuleException>(() => Issued().Use(Now.AddMinutes(16)));

    [Fact]
    public void Issue_NoLifetime_Throws() =>
        Assert.Throws<DomainRuleException>(() => PrivacyLink.Issue(new string('a', 64), CustomerId.New(), Now, TimeSpan.Zero, null));

    [Fact]
    public void Session_End_IsNoLongerActiveAndEndingAgainKeepsTheFirstTime()
    {
        var session = PrivacySession.Start(new string('b', 64), CustomerId.New(), Now, TimeSpan.FromMinutes(30));
        Assert.True(session.IsActiveAt(Now.AddMinutes(29)));

        session.End(Now.AddMinutes(5));
        session.End(Now.AddMinutes(6));

        Assert.False(session.IsActiveAt(Now.AddMinutes(10)));
        Assert.Equal(Now.AddMinutes(5), session.EndedAt);
    }

    [Fact]
    public void ErasureRequest_PastItsDeadline_IsOverdueUntilDone()
    {
        var request = ErasureRequest.Make(CustomerId.New(), Now, TimeSpan.FromDays(30), new string('b', 64));

        Assert.False(request.IsOverdueAt(Now.AddDays(29)));
        Assert.True(request.IsOverdueAt(Now.AddDays(31)));
        request.MarkDone(null, Now.AddDays(31));
        Assert.False(request.IsOverdueAt(Now.AddDays(32)));
        Assert.Throws<DomainRuleException>(() => request.MarkDone(null, Now.AddDays(32)));
    }
}
