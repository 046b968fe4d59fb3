namespace ChatCrm.Domain.Customers;

/// <summary>One handle of a customer (an e-mail, a phone, a Teams or Slack user, …), stored normalised.</summary>
public sealed class CustomerIdentity
{
    private CustomerIdentity()
    {
        Value = string.Empty;
    }

    internal CustomerIdentity(CustomerId customerId, IdentityKind kind, string normalizedValue)
    {
        Id = Guid.CreateVersion7();
        CustomerId = customerId;
        Kind = kind;
        Value = normalizedValue;
    }

    public Guid Id { get; private set; }

    public CustomerId CustomerId { get; private set; }

    public IdentityKind Kind { get; private set; }

    /// <summary>The normalised value (see <see cref="IdentityNormalizer"/>); unique per kind.</summary>
    public string Value { get; private set; }

    internal void MoveTo(CustomerId customerId) => CustomerId = customerId;
}
