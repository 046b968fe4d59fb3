using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Tests.Users;

public sealed class RoleChangeRuleTests
{
    private static User Someone(UserRole role) => new(UserId.New(), "Elena Admin", role, "IT", "Europe/Madrid", "en-US");

    [Fact]
    public void Decide_DemotingTheLastAdmin_IsRefusedWithTheReasonInBothLanguages()
    {
        var decision = RoleChangeRule.Decide(Someone(UserRole.Admin), UserRole.SalesRep, adminCount: 1);

        Assert.False(decision.Allowed);
        Assert.StartsWith("Elena Admin is the last admin", decision.Reason!.English, StringComparison.Ordinal);
        Assert.StartsWith("Elena Admin es el último administrador", decision.Reason.Spanish, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(UserRole.Admin, UserRole.Manager, 2)]
    [InlineData(UserRole.Admin, UserRole.Admin, 1)]
    [InlineData(UserRole.SalesRep, UserRole.Admin, 1)]
    [InlineData(UserRole.Manager, UserRole.SalesRep, 1)]
    public void Decide_AnyOtherChange_IsAllowed(UserRole from, UserRole to, int admins) =>
        Assert.True(RoleChangeRule.Decide(Someone(from), to, admins).Allowed);

    [Theory]
    [InlineData("rep", UserRole.SalesRep)]
    [InlineData("Sales-Rep", UserRole.SalesRep)]
    [InlineData("comercial", UserRole.SalesRep)]
    [InlineData("soporte", UserRole.SupportAgent)]
    [InlineData("Responsable", UserRole.Manager)]
    [InlineData("administrador", UserRole.Admin)]
    [InlineData("privacidad", UserRole.PrivacyOfficer)]
    public void TryParse_EnglishAndSpanishWords_NameTheRole(string word, UserRole expected)
    {
        Assert.True(RoleChangeRule.TryParse(word, out var role));
        Assert.Equal(expected, role);
    }

    [Theory]
    [InlineData("emperor")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_OtherWords_NameNoRole(string? word) => Assert.False(RoleChangeRule.TryParse(word, out _));

    [Fact]
    public void ChangeRole_UndefinedValue_IsRefused() =>
        Assert.Throws<DomainRuleException>(() => Someone(UserRole.SalesRep).ChangeRole((UserRole)99));
}
