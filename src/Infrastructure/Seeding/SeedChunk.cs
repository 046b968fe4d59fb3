using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Orders;

namespace ChatCrm.Infrastructure.Seeding;

/// <summary>One batch of generated customers with everything that hangs off them, written in one transaction.</summary>
internal sealed record SeedChunk(
    List<Customer> Customers,
    List<CustomerIdentity> Identities,
    List<Interaction> Interactions,
    List<Order> Orders,
    List<ConsentRecord> Consents);
