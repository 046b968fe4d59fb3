using ChatCrm.Domain.Access;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Tests.Customers;

public sealed class HandOverPolicyTests
{
    private static readonly LocalizedText Because = new("test", "prueba");

    private static User Person(string name, UserRole role, User? manager = null)
    {
        var user = new User(UserId.New(), name, role, "Iberia", "Europe/Madrid", "es-ES");
        user.ReportTo(manager?.Id);
        return user;
    }

    [Fact]
    public void RefusalForBook_ManagerOfTheOwnerOrAdmin_MayHandTheBookOver_OthersMayNot()
    {
        var carmen = Person("Carmen Ruiz", UserRole.Manager);
        var jorge = Person("Jorge Sanz", UserRole.Manager);
        var ana = Person("Ana García", UserRole.SalesRep, carmen);
        var admin = Person("Lucía Ibáñez", UserRole.Admin);

        Assert.Null(HandOverPolicy.RefusalForBook(carmen, ana));
        Assert.Null(HandOverPolicy.RefusalForBook(carmen, carmen));
        Assert.Null(HandOverPolicy.RefusalForBook(admin, ana));
        Assert.Contains("Ana García does not report to you", HandOverPolicy.RefusalForBook(jorge, ana)!.English, StringComparison.Ordinal);
        Assert.Contains("managers and admins", HandOverPolicy.RefusalForBook(ana, ana)!.English, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusalForCustomer_OnlyAManagerWithTheFullView_AdminsAreSentToTheWholeBook()
    {
        var carmen = Person("Carmen Ruiz", UserRole.Manager);

        Assert.Null(HandOverPolicy.RefusalForCustomer(carmen, new AccessGrant(CustomerField.All, Because)));
        Assert.Contains("only the manager", HandOverPolicy.RefusalForCustomer(carmen, new AccessGrant(CustomerField.BasicContact, Because))!.English,
            StringComparison.Ordinal);
        Assert.Contains("reassign all from", HandOverPolicy.RefusalForCustomer(Person("Lucía Ibáñez", UserRole.Admin), new AccessGrant(CustomerField.None, Because))!.English,
            StringComparison.Ordinal);
        Assert.NotNull(HandOverPolicy.RefusalForCustomer(Person("Ana García", UserRole.SalesRep), new AccessGrant(CustomerField.All, Because)));
    }

    [Fact]
    public void RefusalToReceive_TheHeirMustBeActiveSomeoneElseAndAbleToOwnCustomers()
    {
        var luis = Person("Luis Pérez", UserRole.SalesRep);
        var gone = Person("Eva Gil", UserRole.SalesRep);
        gone.Deactivate(DateTimeOffset.UtcNow);

        Assert.Null(HandOverPolicy.RefusalToReceive(luis, UserId.New()));
        Assert.Null(HandOverPolicy.RefusalToReceive(Person("Hannah Lewis", UserRole.SupportAgent), null));
        Assert.Contains("already owns them", HandOverPolicy.RefusalToReceive(luis, luis.Id)!.English, StringComparison.Ordinal);
        Assert.Contains("deactivated", HandOverPolicy.RefusalToReceive(gone, null)!.English, StringComparison.Ordinal);
        Assert.Contains("not in a role that owns customers", HandOverPolicy.RefusalToReceive(Person("Paula Vidal", UserRole.PrivacyOfficer), null)!.English,
            StringComparison.Ordinal);
        Assert.NotNull(HandOverPolicy.RefusalToReceive(Person("Lucía Ibáñez", UserRole.Admin), null));
    }
}
