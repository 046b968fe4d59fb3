using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Privacy;
using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Tests.Privacy;

public sealed class ExportLinkTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    private static ExportLink Issued(TimeSpan lifetime) =>
        ExportLink.Issue(new string('a', 64), CustomerId.New(), new UserId(Guid.NewGuid()), Now, lifetime);

    [Fact]
    public void Use_Twice_SecondUseThrows()
    {
        var link = Issued(TimeSpan.FromMinutes(15));
        link.Use(Now.AddMinutes(1));

        Assert.False(link.OpensAt(Now.AddMinutes(2)));
        Assert.Throws<DomainRuleException>(() => link.Use(Now.AddMinutes(2)));
    }

    [Fact]
    public void OpensAt_AtItsExpiry_IsClosed()
    {
        var link = Issued(TimeSpan.FromMinutes(15));

        Assert.True(link.OpensAt(Now.AddMinutes(14)));
        Assert.False(link.OpensAt(Now.AddMinutes(15)));
    }

    [Fact]
    public void Issue_OneHour_IsTheLongest()
    {
        Assert.Equal(Now.AddHours(1), Issued(TimeSpan.FromHours(1)).ExpiresAt);
        Assert.Throws<DomainRuleException>(() => Issued(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1)));
        Assert.Throws<DomainRuleException>(() => Issued(TimeSpan.Zero));
    }
}
