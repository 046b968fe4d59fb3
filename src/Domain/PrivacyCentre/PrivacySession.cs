using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;

namespace ChatCrm.Domain.PrivacyCentre;

/// <summary>
/// A customer signed in to their privacy centre. The browser holds a random token; only its hash is kept here, so
/// signing out (or the end of <see cref="ExpiresAt"/>) ends the session on every instance.
/// </summary>
public sealed class PrivacySession
{
    private PrivacySession()
    {
        TokenHash = string.Empty;
    }

    public Guid Id { get; private set; }

    public string TokenHash { get; private set; }

    public CustomerId CustomerId { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public static PrivacySession Start(string tokenHash, CustomerId customerId, DateTimeOffset now, TimeSpan lifetime)
    {
        if (lifetime <= TimeSpan.Zero)
            throw new DomainRuleException("A privacy centre session must last some time.");
        return new PrivacySession
        {
            Id = Guid.NewGuid(),
            TokenHash = Guard.RequiredText(tokenHash, "token hash", 128),
            CustomerId = customerId,
            StartedAt = now.ToUniversalTime(),
            ExpiresAt = (now + lifetime).ToUniversalTime(),
        };
    }

    public bool IsActiveAt(DateTimeOffset now) => EndedAt is null && now < ExpiresAt;

    /// <summary>Signs out; ending an ended session changes nothing.</summary>
    public void End(DateTimeOffset now) => EndedAt ??= now.ToUniversalTime();
}
