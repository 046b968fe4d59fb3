using ChatCrm.Domain.Customers;

namespace ChatCrm.Domain.Tiers;

/// <summary>One category of a customer's <see cref="NeedsSegment"/>, stored one row per category so "who buys Services" is a plain query.</summary>
public sealed class CustomerNeed
{
    private CustomerNeed()
    {
        Category = string.Empty;
    }

    public CustomerNeed(CustomerId customerId, string category)
    {
        CustomerId = customerId;
        Category = category;
    }

    public CustomerId CustomerId { get; private set; }

    public string Category { get; private set; }
}
