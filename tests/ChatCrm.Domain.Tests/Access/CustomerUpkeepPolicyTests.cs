using ChatCrm.Domain.Access;
using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Tests.Access;

public sealed class CustomerUpkeepPolicyTests
{
    private static readonly User Carmen = new(UserId.New(), "Carmen Ordóñez", UserRole.Manager, "Dirección EMEA", "Europe/Madrid", "es-ES");
    private static readonly User Javier = Rep("Javier Muñoz", "Ventas España", Carmen);
    private static readonly User Begona = Rep("Begoña Núñez", "Ventas España", Carmen);
    private static readonly User Emily = Rep("Emily Carter", "Sales North America", null);
    private static readonly User Sara = new(UserId.New(), "Sara Soporte", UserRole.SupportAgent, "Soporte", "Europe/Madrid", "es-ES");
    private static readonly User Pablo = new(UserId.New(), "Pablo Privacidad", UserRole.PrivacyOfficer, null, "Europe/Madrid", "es-ES");
    private static readonly User Alba = new(UserId.New(), "Alba Admin", UserRole.Admin, "IT", "Europe/Madrid", "es-ES");

    [Fact]
    public void DecideOwner_RepNamingNobody_OwnsItThemselves() =>
        Assert.Equal(Javier.Id, CustomerUpkeepPolicy.DecideOwner(Javier, null, SupportOwnerRule.Unowned, null).Owner);

    [Fact]
    public void DecideOwner_RepNamingATeammate_GivesItToThem() =>
        Assert.Equal(Begona.Id, CustomerUpkeepPolicy.DecideOwner(Javier, Begona, SupportOwnerRule.Unowned, null).Owner);

    [Fact]
    public void DecideOwner_RepNamingAnotherTeamsRep_IsRefusedWithTheReasonInBothLanguages()
    {
        var decision = CustomerUpkeepPolicy.DecideOwner(Javier, Emily, SupportOwnerRule.Unowned, null);

        Assert.True(decision.IsRefused);
        Assert.Contains("Emily Carter is not in it", decision.Refusal!.English, StringComparison.Ordinal);
        Assert.Contains("Emily Carter no está en él", decision.Refusal.Spanish, StringComparison.Ordinal);
    }

    [Fact]
    public void DecideOwner_ManagerNamingTheirReportOrSomeoneElses_TakesOnlyTheirReport()
    {
        Assert.Equal(Javier.Id, CustomerUpkeepPolicy.DecideOwner(Carmen, Javier, SupportOwnerRule.Unowned, null).Owner);
        Assert.True(CustomerUpkeepPolicy.DecideOwner(Carmen, Emily, SupportOwnerRule.Unowned, null).IsRefused);
    }

    [Fact]
    public void DecideOwner_NamingSomeoneWhoCannotOwnCustomers_IsRefused() =>
        Assert.Contains("cannot own customers", CustomerUpkeepPolicy.DecideOwner(Carmen, Alba, SupportOwnerRule.Unowned, null).Refusal!.English, StringComparison.Ordinal);

    [Theory]
    [InlineData(SupportOwnerRule.Unowned, null)]
    [InlineData(SupportOwnerRule.Agent, "agent")]
    [InlineData(SupportOwnerRule.Designated, "designated")]
    public void DecideOwner_SupportAgent_FollowsTheConfiguredRuleWhateverTheyName(SupportOwnerRule rule, string? expected)
    {
        var decision = CustomerUpkeepPolicy.DecideOwner(Sara, Emily, rule, Begona);

        Assert.Equal(expected switch { "agent" => Sara.Id, "designated" => Begona.Id, _ => (UserId?)null }, decision.Owner);
        Assert.False(decision.IsRefused);
    }

    [Fact]
    public void DecideOwner_DesignatedOwnerMissing_IsRefusedRatherThanGuessed() =>
        Assert.True(CustomerUpkeepPolicy.DecideOwner(Sara, null, SupportOwnerRule.Designated, null).IsRefused);

    [Fact]
    public void MayCreate_OnlyThePeopleWhoTalkToCustomers()
    {
        Assert.All(new[] { Javier, Carmen, Sara }, u => Assert.True(CustomerUpkeepPolicy.MayCreate(u)));
        Assert.All(new[] { Pablo, Alba }, u => Assert.NotNull(CustomerUpkeepPolicy.CreateRefusal(u)));
        Assert.True(CustomerUpkeepPolicy.DecideOwner(Pablo, null, SupportOwnerRule.Agent, null).IsRefused);
    }

    [Fact]
    public void MayCorrect_OwnerTeamManagerAndSupport_NotOtherTeamsOrPrivacyOfficers()
    {
        var javiersCustomer = CustomerAccessFacts.OwnedBy(Javier);

        Assert.All(new[] { Javier, Begona, Carmen, Sara }, u => Assert.True(CustomerUpkeepPolicy.MayCorrect(u, javiersCustomer)));
        Assert.All(new[] { Emily, Pablo, Alba }, u => Assert.False(CustomerUpkeepPolicy.MayCorrect(u, javiersCustomer)));
    }

    private static User Rep(string name, string team, User? manager)
    {
        var rep = new User(UserId.New(), name, UserRole.SalesRep, team, "Europe/Madrid", "es-ES");
        rep.ReportTo(manager?.Id);
        return rep;
    }
}
