using ChatCrm.Domain.Access;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Tests.Access;

public sealed class NeedToKnowPolicyTests
{
    private static readonly User Carmen = new(UserId.New(), "Carmen Ordóñez", UserRole.Manager, "Dirección EMEA", "Europe/Madrid", "es-ES");
    private static readonly User Daniel = new(UserId.New(), "Daniel Castañeda", UserRole.Manager, "Americas Leadership", "America/New_York", "en-US");
    private static readonly User Javier = Rep("Javier Muñoz", "Ventas España", Carmen);
    private static readonly User Begona = Rep("Begoña Núñez", "Ventas España", Carmen);
    private static readonly User Emily = Rep("Emily Carter", "Sales North America", Daniel);

    [Fact]
    public void Decide_RepOwnsTheAccount_SeesEverything()
    {
        var grant = NeedToKnowPolicy.Decide(Javier, CustomerAccessFacts.OwnedBy(Javier));

        Assert.Equal(CustomerField.All, grant.Visible);
        Assert.Equal("you own this account", grant.Reason.English);
        Assert.Equal("eres el propietario de esta cuenta", grant.Reason.Spanish);
    }

    [Fact]
    public void Decide_RepOfTheSameTeam_SeesEverything()
    {
        var grant = NeedToKnowPolicy.Decide(Begona, CustomerAccessFacts.OwnedBy(Javier));

        Assert.True(grant.Allows(CustomerField.Interactions | CustomerField.Revenue | CustomerField.Tier));
        Assert.Contains("Ventas España", grant.Reason.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_RepOfAnotherTeam_SeesOnlyBasicContactData()
    {
        var grant = NeedToKnowPolicy.Decide(Emily, CustomerAccessFacts.OwnedBy(Javier));

        Assert.Equal(CustomerField.BasicContact, grant.Visible);
        Assert.False(grant.Allows(CustomerField.Interactions));
        Assert.Contains("Ventas España", grant.Reason.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_UnownedAccount_RepSeesOnlyBasicContactData()
    {
        var grant = NeedToKnowPolicy.Decide(Javier, CustomerAccessFacts.Unowned);

        Assert.Equal(CustomerField.BasicContact, grant.Visible);
        Assert.Contains("nobody owns", grant.Reason.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ManagerOfTheOwner_SeesEverything_OtherManagerOnlyBasics()
    {
        Assert.Equal(CustomerField.All, NeedToKnowPolicy.Decide(Carmen, CustomerAccessFacts.OwnedBy(Javier)).Visible);
        Assert.Equal(CustomerField.BasicContact, NeedToKnowPolicy.Decide(Daniel, CustomerAccessFacts.OwnedBy(Javier)).Visible);
    }

    [Fact]
    public void Decide_SupportAgent_SeesServiceDataButNoRevenueTierOrHeldBackOffers()
    {
        var agent = new User(UserId.New(), "Hannah Lewis", UserRole.SupportAgent, "Support", "Europe/London", "en-GB");

        var grant = NeedToKnowPolicy.Decide(agent, CustomerAccessFacts.OwnedBy(Javier));

        Assert.True(grant.Allows(CustomerField.Interactions | CustomerField.Cases | CustomerField.Offers | CustomerField.Consents));
        Assert.False(grant.Allows(CustomerField.Revenue));
        Assert.False(grant.Allows(CustomerField.Tier));
        Assert.False(grant.Allows(CustomerField.SuppressedOffers));
    }

    [Fact]
    public void Decide_Admin_SeesNoCustomerContent()
    {
        var admin = new User(UserId.New(), "Lucía Ibáñez", UserRole.Admin, "IT", "Europe/Madrid", "es-ES");

        var grant = NeedToKnowPolicy.Decide(admin, CustomerAccessFacts.OwnedBy(Javier));

        Assert.True(grant.IsDenied);
        Assert.False(grant.Allows(CustomerField.Identity));
    }

    [Fact]
    public void Decide_PrivacyOfficer_SeesIdentityAndConsentsButNotHistory()
    {
        var officer = new User(UserId.New(), "Ana Belén Galíndez", UserRole.PrivacyOfficer, "Protección de Datos", "Europe/Madrid", "es-ES");

        var grant = NeedToKnowPolicy.Decide(officer, CustomerAccessFacts.OwnedBy(Javier));

        Assert.True(grant.Allows(CustomerField.BasicContact | CustomerField.Consents));
        Assert.False(grant.Allows(CustomerField.Interactions));
        Assert.True(NeedToKnowPolicy.MayExportOrErase(officer));
    }

    [Theory]
    [InlineData(UserRole.SalesRep)]
    [InlineData(UserRole.SupportAgent)]
    [InlineData(UserRole.Manager)]
    [InlineData(UserRole.Admin)]
    public void MayExportOrErase_AnyRoleButPrivacyOfficer_IsRefused(UserRole role)
    {
        var user = new User(UserId.New(), "Someone", role, "Team", "UTC", "en-US");

        Assert.False(NeedToKnowPolicy.MayExportOrErase(user));
    }

    [Fact]
    public void MayMerge_NeedsTheFullViewOfBothRecords()
    {
        Assert.True(NeedToKnowPolicy.MayMerge(Begona, CustomerAccessFacts.OwnedBy(Javier), CustomerAccessFacts.OwnedBy(Begona)));
        Assert.False(NeedToKnowPolicy.MayMerge(Begona, CustomerAccessFacts.OwnedBy(Javier), CustomerAccessFacts.OwnedBy(Emily)));
    }

    [Fact]
    public void Allows_NoFieldsAsked_IsNotAPermission()
    {
        Assert.False(new AccessGrant(CustomerField.All, new LocalizedText("all", "todo")).Allows(CustomerField.None));
    }

    private static User Rep(string name, string team, User manager)
    {
        var rep = new User(UserId.New(), name, UserRole.SalesRep, team, "Europe/Madrid", "es-ES");
        rep.ReportTo(manager.Id);
        return rep;
    }
}
