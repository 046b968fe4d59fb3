using ChatCrm.Domain.Common;

namespace ChatCrm.Domain.Access;

/// <summary>What one user may see of one customer record, and why (said to the user when something is held back).</summary>
public sealed record AccessGrant(CustomerField Visible, LocalizedText Reason)
{
    public bool Allows(CustomerField fields) => fields != CustomerField.None && (Visible & fields) == fields;

    public bool IsDenied => Visible == CustomerField.None;
}
