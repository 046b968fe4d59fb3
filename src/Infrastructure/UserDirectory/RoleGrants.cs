using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.UserDirectory;

/// <summary>A pending role grant with the people it names, for the list a second admin decides from.</summary>
public sealed record PendingRoleGrant(RoleGrantRequest Request, User User, User? RequestedBy);

/// <summary>
/// The second-admin rule for the admin and privacy officer roles (ADR 0010): <see cref="UserWrites"/> (the one write
/// path of the chat forms, the REST API, the import and the command line) and <c>admin map</c> ask <see cref="GateAsync"/>
/// before giving a role; a grant asked for by an admin in chat or by an integration is stored as a
/// <see cref="RoleGrantRequest"/> and audited, the user keeps their role, and only a different admin's
/// <see cref="DecideAsync"/> applies it. The operator at the server (command line, file import) is exempt: they hold the
/// database already. Stages into the context and never saves, like <see cref="UserWrites"/>.
/// </summary>
public sealed class RoleGrants(CrmDbContext db, DirectoryAudit audit, TimeProvider time)
{
    private readonly List<RoleGrantRequest> _staged = [];

    /// <summary>The grants asked for in this unit of work, new or already waiting (so a caller can say "waiting for a second admin").</summary>
    public IReadOnlyList<RoleGrantRequest> Staged => _staged;

    /// <summary>The operator's command line and file import give roles directly.</summary>
    public static bool IsExempt(DirectoryActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.UserId is null && actor.Client is null;
    }

    /// <summary>
    /// The role to give <paramref name="user"/> now: <paramref name="wanted"/>, or their own while a grant waits for a
    /// second admin. Asking again for a grant that already waits (a form saved twice, an integration's retry) stores no
    /// second request: the one waiting is the one to decide.
    /// </summary>
    public async Task<UserRole> GateAsync(User user, UserRole wanted, DirectoryActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!RoleGrantRequest.NeedsSecondAdmin(user.Role, wanted) || IsExempt(actor))
            return wanted;
        var userId = user.Id;
        var waiting = db.RoleGrantRequests.Local.FirstOrDefault(r => r.UserId == userId && r.Role == wanted && r.Status == RoleGrantStatus.Pending)
            ?? await db.RoleGrantRequests.FirstOrDefaultAsync(r => r.UserId == userId && r.Role == wanted && r.Status == RoleGrantStatus.Pending, cancellationToken);
        if (waiting is null)
        {
            waiting = RoleGrantRequest.Ask(user.Id, wanted, actor.UserId, actor.Client, time.GetUtcNow());
            db.RoleGrantRequests.Add(waiting);
            audit.Record(actor, user, $"role grant {waiting.Id} requested: user {user.Id}; role: {user.Role} -> {wanted}; waits for a second admin",
                Domain.Auditing.AuditAction.RequestedRoleGrant);
        }
        if (!_staged.Contains(waiting))
            _staged.Add(waiting);
        return user.Role;
    }

    /// <summary>A new user cannot start with a role that needs a second admin, except from the operator.</summary>
    public static DirectoryProblem? RefuseNewUser(UserRole role, DirectoryActor actor) =>
        RoleGrantRequest.NeedsSecondAdmin(UserRole.SalesRep, role) && !IsExempt(actor)
            ? new DirectoryProblem("role",
                "a new user cannot start as admin or privacy officer: add them with another role, then give them this one (a second admin confirms it), or have the operator add them at the server.",
                "un usuario nuevo no puede empezar como administrador ni delegado de privacidad: dalo de alta con otro rol y después pide este (lo confirma otro administrador), o que lo dé de alta el operador en el servidor.")
            : null;

    public async Task<IReadOnlyList<PendingRoleGrant>> PendingAsync(CancellationToken cancellationToken)
    {
        var requests = await db.RoleGrantRequests.Where(r => r.Status == RoleGrantStatus.Pending).Take(50).ToListAsync(cancellationToken);
        var ids = requests.Select(r => r.UserId).Concat(requests.Where(r => r.RequestedBy != null).Select(r => r.RequestedBy!.Value)).Distinct().ToList();
        var users = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        return requests.Where(r => users.ContainsKey(r.UserId)).OrderBy(r => r.RequestedAt)
            .Select(r => new PendingRoleGrant(r, users[r.UserId], r.RequestedBy is { } by ? users.GetValueOrDefault(by) : null)).ToList();
    }

    /// <summary>
    /// <paramref name="admin"/> confirms (the role is given) or rejects the grant; refused (and audited) when it is their
    /// own request, about themselves, already decided, or the user is deactivated. What to tell the admin.
    /// </summary>
    public async Task<LocalizedText> DecideAsync(Guid requestId, User admin, bool confirm, string channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var request = await db.RoleGrantRequests.FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        var user = request is null ? null : await db.Users.FirstOrDefaultAsync(u => u.Id == request.UserId, cancellationToken);
        var actor = new DirectoryActor(admin.Id, channel);
        if (request is null || user is null)
            return new("That request no longer exists; nothing changed.", "Esa solicitud ya no existe; no ha cambiado nada.");
        if (admin.Role != UserRole.Admin || !admin.IsActive)
            return new("Only an admin can decide a role request.", "Solo un administrador puede decidir una solicitud de rol.");
        if (request.RefusalFor(admin.Id) is { } refusal)
        {
            audit.Record(actor, user, $"role grant {request.Id} not decided by user {admin.Id}: {refusal.English}", Domain.Auditing.AuditAction.DecidedRoleGrant);
            return refusal;
        }
        if (!confirm || !user.IsActive)
        {
            request.Reject(admin.Id, time.GetUtcNow());
            audit.Record(actor, user, $"role grant {request.Id} rejected{(user.IsActive ? string.Empty : " (user deactivated)")}: user {user.Id}; role stays {user.Role}",
                Domain.Auditing.AuditAction.DecidedRoleGrant);
            return new($"Rejected: {user.DisplayName} keeps their role.", $"Rechazada: {user.DisplayName} mantiene su rol.");
        }
        var before = user.Role;
        request.Confirm(admin.Id, time.GetUtcNow());
        user.ChangeRole(request.Role);
        audit.Record(actor, user, $"role grant {request.Id} confirmed: user {user.Id}; role: {before} -> {request.Role}; asked by "
            + (request.RequestedBy is { } by ? $"user {by}" : request.RequestedByClient), Domain.Auditing.AuditAction.DecidedRoleGrant);
        var role = RoleChangeRule.Name(request.Role);
        return new($"Confirmed: {user.DisplayName} is now {role.English}.", $"Confirmada: {user.DisplayName} ahora es {role.Spanish}.");
    }
}
