namespace ChatCrm.Domain.Customers.Identification;

/// <summary>
/// A handle found in a query, normalised as it is stored. Some handles could be of more than one kind
/// ("CC000000123" may be a loyalty number or an external id), so a handle names every kind it may be.
/// </summary>
public sealed record QueryHandle(IReadOnlyList<IdentityKind> Kinds, string Value)
{
    public QueryHandle(IdentityKind kind, string value)
        : this([kind], value)
    {
    }

    public bool Matches(CustomerIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return Kinds.Contains(identity.Kind) && string.Equals(identity.Value, Value, StringComparison.Ordinal);
    }
}
