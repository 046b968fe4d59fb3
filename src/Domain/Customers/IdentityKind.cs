namespace ChatCrm.Domain.Customers;

/// <summary>The kinds of handle by which one customer is known across channels.</summary>
public enum IdentityKind
{
    Email = 1,
    Phone = 2,
    TeamsUser = 3,
    SlackUser = 4,
    LoyaltyNumber = 5,
    ExternalId = 6,
}
