using ChatCrm.Domain.Common;

namespace ChatCrm.Domain.Users;

public enum RoleGrantStatus
{
    Pending,
    Confirmed,
    Rejected,
}

/// <summary>
/// A grant of the admin or privacy officer role that waits for a second admin (issue 20, finding 7): asked for by an
/// admin in chat (<see cref="RequestedBy"/>) or an integration (<see cref="RequestedByClient"/>), and applied only when a
/// different admin confirms it. The requester can neither confirm nor reject their own request — only withdraw it by asking again.
/// </summary>
public sealed class RoleGrantRequest
{
    private RoleGrantRequest()
    {
    }

    public Guid Id { get; private set; }

    public UserId UserId { get; private set; }

    public UserRole Role { get; private set; }

    public UserId? RequestedBy { get; private set; }

    /// <summary>The integration (<c>apikey:…</c>, <c>entra:…</c>) that asked through the REST API; null when an admin did.</summary>
    public string? RequestedByClient { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public RoleGrantStatus Status { get; private set; }

    public UserId? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>True when giving <paramref name="to"/> to someone who has <paramref name="from"/> needs a second admin.</summary>
    public static bool NeedsSecondAdmin(UserRole from, UserRole to) => from != to && to is UserRole.Admin or UserRole.PrivacyOfficer;

    public static RoleGrantRequest Ask(UserId userId, UserRole role, UserId? requestedBy, string? requestedByClient, DateTimeOffset now)
    {
        if (!NeedsSecondAdmin(UserRole.SalesRep, role))
            throw new DomainRuleException("Only the admin and privacy officer roles wait for a second admin.");
        if (requestedBy is null && string.IsNullOrWhiteSpace(requestedByClient))
            throw new DomainRuleException("A role grant names who asked for it.");
        return new RoleGrantRequest
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            Role = role,
            RequestedBy = requestedBy,
            RequestedByClient = requestedByClient,
            RequestedAt = now.ToUniversalTime(),
            Status = RoleGrantStatus.Pending,
        };
    }

    /// <summary>Whether <paramref name="admin"/> may confirm or reject it: pending, and not their own request; if not, why.</summary>
    public LocalizedText? RefusalFor(UserId admin)
    {
        if (Status != RoleGrantStatus.Pending)
            return new("That request was already decided; nothing changed.", "Esa solicitud ya se decidió; no ha cambiado nada.");
        if (RequestedBy == admin || UserId == admin)
            return new("A second admin must decide this request: not the admin who asked for it, nor the person it is for.",
                "Esta solicitud la tiene que decidir otro administrador: ni quien la pidió ni la persona a la que se refiere.");
        return null;
    }

    public void Confirm(UserId admin, DateTimeOffset now) => Decide(admin, now, RoleGrantStatus.Confirmed);

    public void Reject(UserId admin, DateTimeOffset now) => Decide(admin, now, RoleGrantStatus.Rejected);

    private void Decide(UserId admin, DateTimeOffset now, RoleGrantStatus status)
    {
        if (RefusalFor(admin) is { } refusal)
            throw new DomainRuleException(refusal.English);
        Status = status;
        DecidedBy = admin;
        DecidedAt = now.ToUniversalTime();
    }
}
