using ChatCrm.Domain.Access;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.UserDirectory;

/// <summary>
/// The one way a user is written, whoever asks — the <c>users</c> command line, the file import, the REST API and the
/// admin's chat forms: every field checked and normalised by <see cref="UserInput"/>, the directory's rules (an e-mail
/// or directory id is one user's, the manager is an active colleague and never the user, the last active admin keeps
/// the role and stays active: <see cref="RoleChangeRule"/>), and every change audited with its before and after
/// (<see cref="StageAudit"/>). It stages into the context and never saves, so a caller may stage one user (a chat turn,
/// an API request) or many (an import batch) per save; the <c>Check…</c> methods only read, for a form that answers
/// before anything is done. A stale edit is refused by the user's concurrency version (<see cref="ExpectVersion"/>).
/// The admin and privacy officer roles wait for a second admin unless the operator gives them (<see cref="RoleGrants"/>).
/// </summary>
public sealed class UserWrites(CrmDbContext db, UserDirectoryReader directory, DirectoryAudit audit, RoleGrants grants, TimeProvider time)
{
    public const string DefaultTimeZone = "UTC";
    public const string DefaultLanguage = "en";

    private readonly Dictionary<UserId, Pending> _pending = [];

    /// <summary>Checks a new user (reads only): the values it would get, or every problem.</summary>
    public async Task<DirectoryResult<UserPlan>> CheckAddAsync(NewUser request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<DirectoryProblem>();
        var externalId = UserInput.ExternalId(request.ExternalId, problems);
        var email = string.IsNullOrWhiteSpace(request.Email) && externalId is not null ? null : UserInput.Email(request.Email, "email", problems);
        var name = UserInput.Name(request.Name, problems);
        var role = UserInput.Role(request.Role, problems);
        var team = UserInput.Team(request.Team, problems);
        var zone = UserInput.TimeZone(request.TimeZone ?? DefaultTimeZone, problems);
        var locale = UserInput.Language(request.Language ?? DefaultLanguage, problems);
        var manager = await ManagerAsync(null, request.ManagerEmail, problems, cancellationToken);
        if (email is not null && await EmailTakenAsync(email, null, cancellationToken))
            problems.Add(new DirectoryProblem("email", $"{email} is already in the directory; change that user instead.",
                $"{email} ya está en el directorio; cambia ese usuario en su lugar."));
        if (externalId is not null && await db.Users.AnyAsync(u => u.ExternalId == externalId, cancellationToken))
            problems.Add(new DirectoryProblem("externalId", $"{externalId} is another user's directory id.", $"{externalId} es el id de directorio de otro usuario."));
        return problems.Count > 0
            ? DirectoryResult.Refused<UserPlan>(problems)
            : DirectoryResult.Done(new UserPlan(email, name!, role!.Value, team, manager?.Id, zone!, locale!, externalId, Reactivate: false));
    }

    /// <summary>Checks and stages a new user; audited by <see cref="StageAudit"/>.</summary>
    public async Task<DirectoryResult<User>> AddAsync(NewUser request, DirectoryActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var check = await CheckAddAsync(request, cancellationToken);
        if (check.Value is not { } plan)
            return DirectoryResult.Refused<User>(check.Problems);
        if (RoleGrants.RefuseNewUser(plan.Role, actor) is { } privileged)
            return DirectoryResult.Refused<User>([privileged]);
        var user = new User(UserId.New(), plan.Name, plan.Role, plan.Team, plan.TimeZone, plan.Locale);
        user.UseEmail(plan.Email);
        user.UseExternalId(plan.ExternalId);
        user.ReportTo(plan.ManagerId);
        db.Users.Add(user);
        _pending[user.Id] = new Pending(user, null, actor);
        return DirectoryResult.Done(user);
    }

    /// <summary>Checks a change of <paramref name="user"/> (reads only): the values they would have, or every problem.</summary>
    public async Task<DirectoryResult<UserPlan>> CheckChangeAsync(User user, UserChanges changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(changes);
        var problems = new List<DirectoryProblem>();
        var email = changes.Email is null ? user.Email : UserInput.Email(changes.Email, "newEmail", problems);
        var name = changes.Name is null ? user.DisplayName : UserInput.Name(changes.Name, problems);
        var role = changes.Role is null ? user.Role : UserInput.Role(changes.Role, problems);
        var team = changes.Team is null ? user.Team : UserInput.Team(changes.Team, problems);
        var zone = changes.TimeZone is null ? user.TimeZone : UserInput.TimeZone(changes.TimeZone, problems);
        var locale = changes.Language is null ? user.Locale : UserInput.Language(changes.Language, problems);
        var externalId = changes.ExternalId is null ? user.ExternalId : UserInput.ExternalId(changes.ExternalId, problems);
        var managerId = changes.ManagerEmail is null ? user.ManagerId : (await ManagerAsync(user, changes.ManagerEmail, problems, cancellationToken))?.Id;
        if (email != user.Email && email is not null && await EmailTakenAsync(email, user.Id, cancellationToken))
            problems.Add(new DirectoryProblem("newEmail", $"{email} belongs to another user.", $"{email} es de otro usuario."));
        if (externalId != user.ExternalId && externalId is not null && await db.Users.AnyAsync(u => u.ExternalId == externalId && u.Id != user.Id, cancellationToken))
            problems.Add(new DirectoryProblem("externalId", $"{externalId} is another user's directory id.", $"{externalId} es el id de directorio de otro usuario."));
        if (role is { } newRole && newRole != user.Role && user is { Role: UserRole.Admin, IsActive: true }
            && RoleChangeRule.Decide(user, newRole, await ActiveAdminsAsync(cancellationToken)) is { Allowed: false, Reason: { } reason })
            problems.Add(new DirectoryProblem("role", reason));
        return problems.Count > 0
            ? DirectoryResult.Refused<UserPlan>(problems)
            : DirectoryResult.Done(new UserPlan(email, name!, role!.Value, team, managerId, zone!, locale!, externalId, changes.Reactivate));
    }

    /// <summary>Checks and stages a change; true when anything changed. Audited by <see cref="StageAudit"/>.</summary>
    public async Task<DirectoryResult<bool>> ChangeAsync(User user, UserChanges changes, DirectoryActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var check = await CheckChangeAsync(user, changes, cancellationToken);
        if (check.Value is not { } plan)
            return DirectoryResult.Refused<bool>(check.Problems);
        var before = Track(user, actor);
        user.UseEmail(plan.Email);
        user.Rename(plan.Name);
        user.ChangeRole(await grants.GateAsync(user, plan.Role, actor, cancellationToken));
        user.MoveToTeam(plan.Team);
        user.ReportTo(plan.ManagerId);
        user.UseTimeZone(plan.TimeZone);
        user.UseLocale(plan.Locale);
        user.UseExternalId(plan.ExternalId);
        if (plan.Reactivate)
            user.Reactivate();
        return DirectoryResult.Done(UserSnapshot.Of(user) != before);
    }

    /// <summary>Sets the manager (found by the caller, e.g. named in the same import); a problem when it is the user.</summary>
    public DirectoryProblem? ReportTo(User user, UserId? managerId, DirectoryActor actor)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (managerId == user.Id)
            return new DirectoryProblem("manager", "a user cannot be their own manager.", "nadie puede ser su propio responsable.");
        if (user.ManagerId == managerId)
            return null;
        Track(user, actor);
        user.ReportTo(managerId);
        return null;
    }

    /// <summary>Checks a deactivation handing the customers to <paramref name="heir"/> (reads only).</summary>
    public async Task<IReadOnlyList<DirectoryProblem>> CheckDeactivationAsync(User user, User? heir, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var problems = new List<DirectoryProblem>();
        if (RoleChangeRule.DecideDeactivation(user, await ActiveAdminsAsync(cancellationToken)) is { Allowed: false, Reason: { } reason })
            problems.Add(new DirectoryProblem("email", reason));
        if (heir is null)
            problems.Add(new DirectoryProblem("handOverTo", "name the colleague who takes over their customers.", "indica quién se queda con sus clientes."));
        else if (heir.Id == user.Id)
            problems.Add(new DirectoryProblem("handOverTo", "the customers must go to someone else.", "los clientes tienen que pasar a otra persona."));
        else if (!heir.IsActive)
            problems.Add(new DirectoryProblem("handOverTo", $"{heir.Email ?? heir.DisplayName} is deactivated.", $"{heir.Email ?? heir.DisplayName} está dado de baja."));
        else if (!NeedToKnowPolicy.MayWorkCases(heir.Role))
            problems.Add(new DirectoryProblem("handOverTo",
                $"{heir.Email ?? heir.DisplayName} is a {RoleChangeRule.Name(heir.Role).English} and cannot own customers; name a sales rep, support agent or manager.",
                $"{heir.Email ?? heir.DisplayName} es {RoleChangeRule.Name(heir.Role).Spanish} y no puede tener clientes; indica un comercial, un agente de soporte o un responsable."));
        return problems;
    }

    /// <summary>
    /// Checks and stages a deactivation: every customer the user owns goes to <paramref name="heir"/> in the same save, and
    /// the user keeps their record and chat links (the bot recognises and refuses them). Audited at once, with the count.
    /// </summary>
    public async Task<DirectoryResult<DeactivationReport>> DeactivateAsync(User user, User? heir, DirectoryActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var problems = await CheckDeactivationAsync(user, heir, cancellationToken);
        if (problems.Count > 0)
            return DirectoryResult.Refused<DeactivationReport>(problems);
        var userId = user.Id;
        var customers = await db.Customers.Where(c => c.OwnerId == userId).ToListAsync(cancellationToken);
        foreach (var customer in customers)
            customer.AssignOwner(heir!.Id);
        user.Deactivate(time.GetUtcNow());
        audit.Record(actor, user,
            $"users deactivate: user {user.Id}; active -> deactivated; role: {user.Role}; {customers.Count} customer(s) handed over to user {heir!.Id}");
        return DirectoryResult.Done(new DeactivationReport(user, heir, customers.Count));
    }

    /// <summary>Makes the save refuse the change unless the stored user still has <paramref name="version"/> (what the editor saw).</summary>
    public void ExpectVersion(User user, long version) =>
        db.Entry(user).Property<long>(ConcurrencyVersion.PropertyName).OriginalValue = version;

    /// <summary>Stages one audit entry per user added or changed since the last call: the settings, or the before and after.</summary>
    public void StageAudit()
    {
        foreach (var pending in _pending.Values)
        {
            if (pending.Before is null)
                audit.Added(pending.Actor, pending.User);
            else
                audit.Changed(pending.Actor, pending.Before, pending.User);
        }
        _pending.Clear();
    }

    /// <summary>Audits what was staged and saves (the command line; a chat turn and an API request save with their own unit of work).</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        StageAudit();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// How many active admins there will be once what is staged is saved: the stored count, corrected for the users
    /// already changed in this unit of work (an import batch may promote one admin and demote another).
    /// </summary>
    public async Task<int> ActiveAdminsAsync(CancellationToken cancellationToken)
    {
        var count = await directory.ActiveAdminCountAsync(cancellationToken);
        foreach (var entry in db.ChangeTracker.Entries<User>())
        {
            var was = entry.State != EntityState.Added && entry.Property(u => u.Role).OriginalValue == UserRole.Admin
                && entry.Property(u => u.DeactivatedAt).OriginalValue is null;
            var now = entry.State != EntityState.Deleted && entry.Entity is { Role: UserRole.Admin, IsActive: true };
            count += (now ? 1 : 0) - (was ? 1 : 0);
        }
        return count;
    }

    private UserSnapshot Track(User user, DirectoryActor actor)
    {
        var now = UserSnapshot.Of(user);
        _pending.TryAdd(user.Id, new Pending(user, now, actor));
        return now;
    }

    private async Task<bool> EmailTakenAsync(string email, UserId? except, CancellationToken cancellationToken)
    {
        if (db.Users.Local.Any(u => u.Email == email && u.Id != except))
            return true;
        if (except is not { } id)
            return await db.Users.AnyAsync(u => u.Email == email, cancellationToken);
        return await db.Users.AnyAsync(u => u.Email == email && u.Id != id, cancellationToken);
    }

    /// <summary>The manager named by e-mail (none when blank); a problem when unknown, deactivated or the user themself.</summary>
    private async Task<User?> ManagerAsync(User? user, string? managerEmail, List<DirectoryProblem> problems, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(managerEmail))
            return null;
        if (UserInput.Email(managerEmail, "manager", problems) is not { } email
            || await directory.ByEmailAsync(email, "manager", problems, cancellationToken) is not { } manager)
            return null;
        if (user is not null && manager.Id == user.Id)
            problems.Add(new DirectoryProblem("manager", "a user cannot be their own manager.", "nadie puede ser su propio responsable."));
        else if (!manager.IsActive)
            problems.Add(new DirectoryProblem("manager", $"{email} is deactivated.", $"{email} está dado de baja."));
        return manager;
    }

    private sealed record Pending(User User, UserSnapshot? Before, DirectoryActor Actor);
}

/// <summary>The checked, normalised values a user will have once a change goes ahead.</summary>
public sealed record UserPlan(string? Email, string Name, UserRole Role, string? Team, UserId? ManagerId, string TimeZone, string Locale,
    string? ExternalId, bool Reactivate);
