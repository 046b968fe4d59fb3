using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;

namespace ChatCrm.Domain.Tests.Customers;

public sealed class CustomerIdentityRemovalTests
{
    private static Customer NewCustomer() =>
        new(CustomerId.New(), "María Núñez", null, CountryCode.Parse("ES"), LanguageCode.Spanish, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void RemoveIdentity_OwnHandle_RemovesOnlyThatHandle()
    {
        var customer = NewCustomer();
        var email = customer.AddIdentity(IdentityKind.Email, "maria@example.es");
        customer.AddIdentity(IdentityKind.Phone, "+34 612 345 678");

        var removed = customer.RemoveIdentity(email.Id);

        Assert.True(removed);
        Assert.Equal(IdentityKind.Phone, Assert.Single(customer.Identities).Kind);
    }

    [Fact]
    public void RemoveIdentity_UnknownId_ReturnsFalseAndKeepsHandles()
    {
        var customer = NewCustomer();
        customer.AddIdentity(IdentityKind.Email, "maria@example.es");

        Assert.False(customer.RemoveIdentity(Guid.NewGuid()));
        Assert.Single(customer.Identities);
    }

    [Fact]
    public void RemoveIdentity_ErasedCustomer_Throws()
    {
        var customer = NewCustomer();
        var email = customer.AddIdentity(IdentityKind.Email, "maria@example.es");
        customer.Erase(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Throws<DomainRuleException>(() => customer.RemoveIdentity(email.Id));
    }
}
