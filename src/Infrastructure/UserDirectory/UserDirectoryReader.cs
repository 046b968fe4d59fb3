using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.UserDirectory;

/// <summary>Reads the directory: one user by work e-mail, everyone (or one team) for a list, the active admins.</summary>
public sealed class UserDirectoryReader(CrmDbContext db)
{
    /// <summary>The user with this (normalised) work e-mail; a problem on <paramref name="field"/> when none or several have it.</summary>
    public async Task<User?> ByEmailAsync(string email, string field, List<DirectoryProblem> problems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var matches = await db.Users.Where(u => u.Email == email).Take(2).ToListAsync(cancellationToken);
        if (matches.Count == 1)
            return matches[0];
        problems.Add(matches.Count == 0
            ? new DirectoryProblem(field, $"no user has the e-mail {email}.", $"ningún usuario tiene el correo {email}.")
            : new DirectoryProblem(field, $"several users have the e-mail {email}; change one of them in chat first.",
                $"varios usuarios tienen el correo {email}; cambia antes uno de ellos en el chat."));
        return null;
    }

    /// <summary>The user's optimistic-concurrency version as loaded: what an edit form carries, so a stale save is refused.</summary>
    public long VersionOf(User user) => db.Entry(user).Property<long>(ConcurrencyVersion.PropertyName).CurrentValue;

    public Task<int> ActiveAdminCountAsync(CancellationToken cancellationToken) =>
        db.Users.CountAsync(u => u.Role == UserRole.Admin && u.DeactivatedAt == null, cancellationToken);

    /// <summary>Everyone (or the members of <paramref name="team"/>, whatever its case), by team and name.</summary>
    public async Task<IReadOnlyList<DirectoryEntry>> ListAsync(string? team, CancellationToken cancellationToken)
    {
        // A directory is hundreds or a few thousand people: read whole, filtered here with one case rule on every engine.
        var wanted = string.IsNullOrWhiteSpace(team) ? null : team.Trim();
        var users = (await db.Users.AsNoTracking().ToListAsync(cancellationToken))
            .Where(u => wanted is null || string.Equals(u.Team, wanted, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var managerIds = users.Where(u => u.ManagerId is not null).Select(u => u.ManagerId!.Value).Distinct().ToList();
        var managers = await db.Users.AsNoTracking().Where(u => managerIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email }).ToDictionaryAsync(u => u.Id, u => u.Email, cancellationToken);
        return users
            .OrderBy(u => u.Team ?? string.Empty, StringComparer.OrdinalIgnoreCase)
            .ThenBy(u => u.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .Select(u => new DirectoryEntry(u.Id, u.DisplayName, u.Email, u.Role, u.Team,
                u.ManagerId is { } manager ? managers.GetValueOrDefault(manager) : null,
                u.TimeZone, u.Locale, u.IsActive, u.TeamsAadObjectId is not null, u.SlackUserKey is not null))
            .ToList();
    }
}
