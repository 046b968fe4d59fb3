using ChatCrm.Domain.Access;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Auditing;

/// <summary>
/// Who saw or changed which customer record, when, from which channel, and which parts of it.
/// Entries are only ever added.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        Channel = string.Empty;
    }

    public const int MaxDetailsLength = 1000;

    public AuditEntry(UserId actor, AuditAction action, CustomerId? customerId, string channel, DateTimeOffset at, CustomerField fields = CustomerField.None,
        string? details = null)
    {
        Details = details is { Length: > MaxDetailsLength } ? details[..MaxDetailsLength] : details;
        Fields = fields;
        Id = Guid.CreateVersion7();
        Actor = actor;
        Action = action;
        CustomerId = customerId;
        Channel = channel;
        At = at.ToUniversalTime();
    }

    public Guid Id { get; private set; }

    public UserId Actor { get; private set; }

    public AuditAction Action { get; private set; }

    public CustomerId? CustomerId { get; private set; }

    public string Channel { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The parts of the record shown (or, for <see cref="AuditAction.AccessDenied"/>, asked for).</summary>
    public CustomerField Fields { get; private set; }

    /// <summary>
    /// For changes without a customer (an admin's directory, role or digest change): what it was before and after, by
    /// ids and settings, never names or e-mails, so the trail can be kept as long as the law asks.
    /// </summary>
    public string? Details { get; private set; }
}
