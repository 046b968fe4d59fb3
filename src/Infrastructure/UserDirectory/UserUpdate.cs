using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.UserDirectory;

/// <summary>
/// Changes a user found by work e-mail (<c>users update</c>, an admin's form, the API): only the fields given, each
/// checked; a role change passes <see cref="RoleChangeRule"/> (the last active admin keeps the role); a new e-mail
/// may not be someone else's; the manager is found by e-mail and is never the user. Audited with before and after.
/// </summary>
public sealed class UserUpdate(CrmDbContext db, UserDirectoryReader directory, DirectoryAudit audit)
{
    public async Task<DirectoryResult<User>> UpdateAsync(string? email, UserChanges changes, DirectoryActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(actor);
        var problems = new List<DirectoryProblem>();
        var user = UserInput.Email(email, "email", problems) is { } current ? await directory.ByEmailAsync(current, "email", problems, cancellationToken) : null;
        if (user is null)
            return DirectoryResult.Refused<User>(problems);

        var newEmail = changes.Email is null ? user.Email : UserInput.Email(changes.Email, "newEmail", problems);
        var name = changes.Name is null ? user.DisplayName : UserInput.Name(changes.Name, problems);
        var role = changes.Role is null ? user.Role : UserInput.Role(changes.Role, problems);
        var team = changes.Team is null ? user.Team : UserInput.Team(changes.Team, problems);
        var zone = changes.TimeZone is null ? user.TimeZone : UserInput.TimeZone(changes.TimeZone, problems);
        var locale = changes.Language is null ? user.Locale : UserInput.Language(changes.Language, problems);
        var managerId = await ManagerAsync(user, changes.ManagerEmail, problems, cancellationToken);
        if (newEmail != user.Email && newEmail is not null && await db.Users.AnyAsync(u => u.Email == newEmail && u.Id != user.Id, cancellationToken))
            problems.Add(new DirectoryProblem("newEmail", $"{newEmail} belongs to another user."));
        if (role is { } newRole && newRole != user.Role)
        {
            var decision = RoleChangeRule.Decide(user, newRole, await directory.ActiveAdminCountAsync(cancellationToken));
            if (!decision.Allowed)
                problems.Add(new DirectoryProblem("role", decision.Reason!.English));
        }
        if (problems.Count > 0)
            return DirectoryResult.Refused<User>(problems);

        var before = (user.Email, user.DisplayName, user.Role, user.Team, user.ManagerId, user.TimeZone, user.Locale, user.IsActive);
        user.UseEmail(newEmail);
        user.Rename(name!);
        user.ChangeRole(role!.Value);
        user.MoveToTeam(team);
        user.ReportTo(managerId);
        user.UseTimeZone(zone!);
        user.UseLocale(locale!);
        if (changes.Reactivate)
            user.Reactivate();

        string?[] changed =
        [
            before.Email == user.Email ? null : "e-mail: changed",
            before.DisplayName == user.DisplayName ? null : "name: changed",
            DirectoryAudit.Change("role", before.Role, user.Role),
            DirectoryAudit.Change("team", before.Team, user.Team),
            DirectoryAudit.Change("manager", before.ManagerId, user.ManagerId),
            DirectoryAudit.Change("time zone", before.TimeZone, user.TimeZone),
            DirectoryAudit.Change("locale", before.Locale, user.Locale),
            before.IsActive == user.IsActive ? null : "deactivated -> active",
        ];
        var details = changed.Where(c => c is not null).ToList();
        if (details.Count == 0)
            return DirectoryResult.Done(user);
        audit.Record(actor, user, $"users update: user {user.Id}; {string.Join("; ", details)}");
        await db.SaveChangesAsync(cancellationToken);
        return DirectoryResult.Done(user);
    }

    /// <summary>The manager to set (the current one when not given, none when blank); a problem when unknown, deactivated or the user.</summary>
    private async Task<UserId?> ManagerAsync(User user, string? managerEmail, List<DirectoryProblem> problems, CancellationToken cancellationToken)
    {
        if (managerEmail is null)
            return user.ManagerId;
        if (string.IsNullOrWhiteSpace(managerEmail))
            return null;
        if (UserInput.Email(managerEmail, "manager", problems) is not { } email
            || await directory.ByEmailAsync(email, "manager", problems, cancellationToken) is not { } manager)
            return user.ManagerId;
        if (manager.Id == user.Id)
            problems.Add(new DirectoryProblem("manager", "a user cannot be their own manager."));
        else if (!manager.IsActive)
            problems.Add(new DirectoryProblem("manager", $"{email} is deactivated."));
        return manager.Id;
    }
}
