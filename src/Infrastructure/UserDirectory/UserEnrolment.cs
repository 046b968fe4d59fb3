using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.UserDirectory;

/// <summary>
/// Adds a person to the directory (<c>users add</c>, an admin's form, the API): every field checked and every problem
/// reported together, the manager found by e-mail, an e-mail already in the directory refused, and the new user
/// audited with their settings. The chat account is linked later, on their first message (Slack by this e-mail).
/// </summary>
public sealed class UserEnrolment(CrmDbContext db, UserDirectoryReader directory, DirectoryAudit audit)
{
    public const string DefaultTimeZone = "UTC";
    public const string DefaultLanguage = "en";

    public async Task<DirectoryResult<User>> AddAsync(NewUser request, DirectoryActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        var problems = new List<DirectoryProblem>();
        var email = UserInput.Email(request.Email, "email", problems);
        var name = UserInput.Name(request.Name, problems);
        var role = UserInput.Role(request.Role, problems);
        var team = UserInput.Team(request.Team, problems);
        var zone = UserInput.TimeZone(request.TimeZone ?? DefaultTimeZone, problems);
        var locale = UserInput.Language(request.Language ?? DefaultLanguage, problems);
        User? manager = null;
        if (!string.IsNullOrWhiteSpace(request.ManagerEmail) && UserInput.Email(request.ManagerEmail, "manager", problems) is { } managerEmail)
            manager = await directory.ByEmailAsync(managerEmail, "manager", problems, cancellationToken);
        if (email is not null && await db.Users.AnyAsync(u => u.Email == email, cancellationToken))
            problems.Add(new DirectoryProblem("email", $"{email} is already in the directory; change that user with users update instead."));
        if (manager is { IsActive: false })
            problems.Add(new DirectoryProblem("manager", $"{manager.Email} is deactivated."));
        if (problems.Count > 0)
            return DirectoryResult.Refused<User>(problems);

        var user = new User(UserId.New(), name!, role!.Value, team, zone!, locale!);
        user.UseEmail(email);
        user.ReportTo(manager?.Id);
        db.Users.Add(user);
        audit.Record(actor, user,
            $"users add: user {user.Id}; role: {user.Role}; team: {DirectoryAudit.Shown(user.Team)}; manager: {DirectoryAudit.Shown(user.ManagerId)}; "
            + $"time zone: {user.TimeZone}; locale: {user.Locale}");
        await db.SaveChangesAsync(cancellationToken);
        return DirectoryResult.Done(user);
    }
}
