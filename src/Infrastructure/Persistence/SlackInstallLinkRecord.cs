using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;

namespace ChatCrm.Infrastructure.Persistence;

/// <summary>
/// A single-use link to <c>/slack/install</c>, issued by an admin (<see cref="IssuedBy"/>): only the SHA-256 of its
/// token is kept, so the table alone installs nothing. It starts installs until <see cref="ExpiresAt"/>, and the first
/// completed install spends it (<see cref="UsedAt"/>, the workspace in <see cref="TeamId"/>); the concurrency version
/// makes two callbacks racing for one link give one install.
/// </summary>
public sealed class SlackInstallLinkRecord
{
    /// <summary>The longest an install link may work: whoever holds it can install ChatCrm into a workspace.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(24);

    private SlackInstallLinkRecord() => TokenHash = string.Empty;

    public Guid Id { get; private set; }

    /// <summary>The SHA-256 of the token, in hex: what a presented token is looked up by.</summary>
    public string TokenHash { get; private set; }

    public UserId IssuedBy { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    /// <summary>The workspace (or Enterprise Grid) the link installed ChatCrm into.</summary>
    public string? TeamId { get; private set; }

    public static SlackInstallLinkRecord Issue(string tokenHash, UserId issuedBy, DateTimeOffset now, TimeSpan lifetime)
    {
        if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
            throw new DomainRuleException("A Slack install link works for some time, and for at most 24 hours.");
        return new SlackInstallLinkRecord
        {
            Id = Guid.NewGuid(),
            TokenHash = tokenHash is { Length: > 0 and <= 128 } ? tokenHash : throw new ArgumentException("A token hash is 1 to 128 characters.", nameof(tokenHash)),
            IssuedBy = issuedBy,
            IssuedAt = now.ToUniversalTime(),
            ExpiresAt = (now + lifetime).ToUniversalTime(),
        };
    }

    /// <summary>Null when the link may start or finish an install at <paramref name="now"/>; otherwise why not.</summary>
    public string? RefusalAt(DateTimeOffset now) => UsedAt is not null ? "already used" : now >= ExpiresAt ? "expired" : null;

    /// <summary>Spends the link, before its install's code is exchanged: a used or expired link cannot be spent.</summary>
    public void Use(DateTimeOffset now)
    {
        if (RefusalAt(now) is { } refusal)
            throw new DomainRuleException($"This Slack install link cannot be used: {refusal}.");
        UsedAt = now.ToUniversalTime();
    }

    /// <summary>Notes the workspace the spent link installed ChatCrm into.</summary>
    public void InstalledInto(string teamId)
    {
        ArgumentNullException.ThrowIfNull(teamId);
        TeamId = teamId.Length > SlackInstallationRecord.MaxIdLength ? teamId[..SlackInstallationRecord.MaxIdLength] : teamId;
    }
}
