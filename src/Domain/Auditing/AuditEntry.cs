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

    public const int MaxClientLength = 120;

    /// <summary>The channel of changes made by an integration through the REST API.</summary>
    public const string ApiChannel = "Api";

    /// <summary>The channel (and client) of what the customer did themselves in their privacy centre.</summary>
    public const string PrivacyCentreChannel = "PrivacyCentre";

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

    /// <summary>
    /// A change made by an integration (a system, not a person) through the REST API: <paramref name="client"/> names it
    /// as its credentials do (<c>apikey:…</c> for an API key, <c>entra:…</c> for an Entra ID application).
    /// </summary>
    public static AuditEntry ByIntegration(string client, AuditAction action, CustomerId? customerId, DateTimeOffset at, CustomerField fields = CustomerField.None,
        string? details = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(client);
        if (client.Length > MaxClientLength)
            throw new ArgumentException($"An integration client id is at most {MaxClientLength} characters.", nameof(client));
        var entry = new AuditEntry
        {
            Id = Guid.CreateVersion7(),
            Client = client,
            Action = action,
            CustomerId = customerId,
            Channel = ApiChannel,
            At = at.ToUniversalTime(),
            Fields = fields,
            Details = details is { Length: > MaxDetailsLength } ? details[..MaxDetailsLength] : details,
        };
        return entry;
    }

    /// <summary>
    /// Something about a chat account that is no ChatCrm user (a refused link): <paramref name="account"/> names it as its
    /// channel does (<c>slack:T…:U…</c>), in <see cref="Client"/>; there is no actor.
    /// </summary>
    public static AuditEntry ByChatAccount(string account, AuditAction action, string channel, DateTimeOffset at, string? details = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        return new AuditEntry
        {
            Id = Guid.CreateVersion7(),
            Client = account.Length > MaxClientLength ? account[..MaxClientLength] : account,
            Action = action,
            Channel = channel,
            At = at.ToUniversalTime(),
            Details = details is { Length: > MaxDetailsLength } ? details[..MaxDetailsLength] : details,
        };
    }

    public Guid Id { get; private set; }

    /// <summary>The person who saw or changed the record; null when an integration did (see <see cref="Client"/>).</summary>
    public UserId? Actor { get; private set; }

    /// <summary>The integration that made the change through the REST API; null when a person did.</summary>
    public string? Client { get; private set; }

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

    /// <summary>
    /// The customer's erasure: the entry stays (who did what, when, to which parts), its free-text details go, since a
    /// caller may have quoted the customer there.
    /// </summary>
    public void ForgetDetails() => Details = null;

    /// <summary>What the customer did themselves in their privacy centre: no staff actor, the client is the privacy centre.</summary>
    public static AuditEntry ByCustomer(AuditAction action, CustomerId customerId, DateTimeOffset at, CustomerField fields = CustomerField.None, string? details = null)
    {
        var entry = ByIntegration(PrivacyCentreChannel, action, customerId, at, fields, details);
        entry.Channel = PrivacyCentreChannel;
        return entry;
    }
}
