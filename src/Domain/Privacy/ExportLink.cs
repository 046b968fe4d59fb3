using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.Privacy;

/// <summary>
/// A single-use download link for a customer's export, asked for in chat by a privacy officer
/// (<see cref="RequestedBy"/>). Only a hash of its token is kept, so the table alone downloads nothing; the link works
/// once, until <see cref="ExpiresAt"/>, and whoever opens it downloads the customer's data.
/// </summary>
public sealed class ExportLink
{
    /// <summary>The longest an export link may work: whoever holds it can download everything about the customer.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(1);

    private ExportLink()
    {
        TokenHash = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The SHA-256 of the token, in hex: what a presented token is looked up by.</summary>
    public string TokenHash { get; private set; }

    public CustomerId CustomerId { get; private set; }

    public UserId RequestedBy { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public static ExportLink Issue(string tokenHash, CustomerId customerId, UserId requestedBy, DateTimeOffset now, TimeSpan lifetime)
    {
        if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
            throw new DomainRuleException("An export link works for some time, and for at most one hour.");
        return new ExportLink
        {
            Id = Guid.NewGuid(),
            TokenHash = Guard.RequiredText(tokenHash, "token hash", 128),
            CustomerId = customerId,
            RequestedBy = requestedBy,
            IssuedAt = now.ToUniversalTime(),
            ExpiresAt = (now + lifetime).ToUniversalTime(),
        };
    }

    /// <summary>Whether the link still downloads at <paramref name="now"/>: not used yet and not expired.</summary>
    public bool OpensAt(DateTimeOffset now) => UsedAt is null && now < ExpiresAt;

    /// <summary>Spends the link; a used or expired link cannot be spent.</summary>
    public void Use(DateTimeOffset now)
    {
        if (!OpensAt(now))
            throw new DomainRuleException("This export link was already used or has expired.");
        UsedAt = now.ToUniversalTime();
    }
}
