using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Testing;

namespace ChatCrm.Domain.Tests.Customers;

public sealed class CustomerTests
{
    private static Customer NewCustomer(string name = "María Núñez", string? company = "Ferretería Núñez S.L.") =>
        new(CustomerId.New(), name, company, CountryCode.Parse("ES"), LanguageCode.Spanish, TestClock.Now);

    [Fact]
    public void Constructor_AccentedName_KeepsDisplayNameAndFoldsKeys()
    {
        var customer = NewCustomer();

        Assert.Equal("María Núñez", customer.DisplayName);
        Assert.Equal("maria nunez", customer.NameKey);
        Assert.Equal("Ferretería Núñez S.L.", customer.Company);
        Assert.Equal("ferreteria nunez s l", customer.CompanyKey);
    }

    [Fact]
    public void Constructor_LocalTime_IsStoredAsUtc()
    {
        var madrid = new DateTimeOffset(2026, 3, 10, 10, 30, 0, TimeSpan.FromHours(1));

        var customer = new Customer(CustomerId.New(), "Ana", null, CountryCode.Parse("ES"), LanguageCode.Spanish, madrid);

        Assert.Equal(TimeSpan.Zero, customer.CreatedAt.Offset);
        Assert.Equal(madrid, customer.CreatedAt);
    }

    [Fact]
    public void Rename_NewName_UpdatesNameKey()
    {
        var customer = NewCustomer();

        customer.Rename("  José Ángel Pérez ");

        Assert.Equal("José Ángel Pérez", customer.DisplayName);
        Assert.Equal("jose angel perez", customer.NameKey);
    }

    [Fact]
    public void Rename_Blank_ThrowsAndKeepsOldName()
    {
        var customer = NewCustomer();

        var error = Assert.Throws<DomainRuleException>(() => customer.Rename("  "));

        Assert.Equal("The customer name cannot be empty.", error.Message);
        Assert.Equal("María Núñez", customer.DisplayName);
        Assert.Equal("maria nunez", customer.NameKey);
    }

    [Fact]
    public void Rename_TooLong_ThrowsWithLimit()
    {
        var error = Assert.Throws<DomainRuleException>(() => NewCustomer().Rename(new string('a', Customer.MaxNameLength + 1)));

        Assert.Contains($"the limit is {Customer.MaxNameLength}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MoveToCompany_Blank_ClearsCompanyAndKey()
    {
        var customer = NewCustomer();

        customer.MoveToCompany("   ");

        Assert.Null(customer.Company);
        Assert.Equal(string.Empty, customer.CompanyKey);
    }

    [Fact]
    public void AddIdentity_SameEmailDifferentCaseAndSpaces_IsNotAddedTwice()
    {
        var customer = NewCustomer();

        var first = customer.AddIdentity(IdentityKind.Email, "Maria.Nunez@Ejemplo.es");
        var second = customer.AddIdentity(IdentityKind.Email, "  maria.nunez@ejemplo.ES ");

        Assert.Same(first, second);
        var identity = Assert.Single(customer.Identities);
        Assert.Equal("maria.nunez@ejemplo.es", identity.Value);
        Assert.Equal(customer.Id, identity.CustomerId);
    }

    [Fact]
    public void AddIdentity_SamePhoneNationalAndInternational_IsNotAddedTwice()
    {
        var customer = NewCustomer();

        customer.AddIdentity(IdentityKind.Phone, "600 123 456");
        customer.AddIdentity(IdentityKind.Phone, "+34 600-123-456");

        Assert.Equal("+34600123456", Assert.Single(customer.Identities).Value);
    }

    [Fact]
    public void AddIdentity_DifferentKindsAndValues_AreAllKept()
    {
        var customer = NewCustomer();

        customer.AddIdentity(IdentityKind.Email, "maria@ejemplo.es");
        customer.AddIdentity(IdentityKind.Email, "maria@trabajo.es");
        customer.AddIdentity(IdentityKind.Phone, "600 123 456");

        Assert.Equal(3, customer.Identities.Count);
        Assert.Equal("maria@ejemplo.es", customer.FirstIdentity(IdentityKind.Email));
        Assert.Null(customer.FirstIdentity(IdentityKind.SlackUser));
    }

    [Fact]
    public void AddIdentity_PhoneUsesCustomersCountryAsDefaultRegion()
    {
        var mexican = new Customer(CustomerId.New(), "Luis", null, CountryCode.Parse("MX"), LanguageCode.Spanish, TestClock.Now);

        var identity = mexican.AddIdentity(IdentityKind.Phone, "55 1234 5678");

        Assert.Equal("+525512345678", identity.Value);
    }
}
