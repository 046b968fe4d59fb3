using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;

namespace ChatCrm.Domain.PrivacyCentre;

/// <summary>
/// A single-use sign-in link to the customer's privacy centre. Only a hash of its token is kept, so the table alone
/// opens nothing; it works once, until <see cref="ExpiresAt"/>. A link a rep sent from chat names them
/// (<see cref="SentBy"/>); a link the customer asked for on the page names nobody.
/// </summary>
public sealed class PrivacyLink
{
    private PrivacyLink()
    {
        TokenHash = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The SHA-256 of the token, in hex: what a presented token is looked up by.</summary>
    public string TokenHash { get; private set; }

    public CustomerId CustomerId { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public UserId? SentBy { get; private set; }

    public static PrivacyLink Issue(string tokenHash, CustomerId customerId, DateTimeOffset now, TimeSpan lifetime, UserId? sentBy)
    {
        if (lifetime <= TimeSpan.Zero)
            throw new DomainRuleException("A privacy centre link must be valid for some time.");
        return new PrivacyLink
        {
            Id = Guid.NewGuid(),
            TokenHash = Guard.RequiredText(tokenHash, "token hash", 128),
            CustomerId = customerId,
            IssuedAt = now.ToUniversalTime(),
            ExpiresAt = (now + lifetime).ToUniversalTime(),
            SentBy = sentBy,
        };
    }

    /// <summary>Whether the link still opens the centre at <paramref name="now"/>: not used yet and not expired.</summary>
    public bool OpensAt(DateTimeOffset now) => UsedAt is null && now < ExpiresAt;

    /// <summary>Spends the link; a used or expired link cannot be spent.</summary>
    public void Use(DateTimeOffset now)
    {
        if (!OpensAt(now))
            throw new DomainRuleException("This privacy centre link was already used or has expired.");
        UsedAt = now.ToUniversalTime();
    }
}
