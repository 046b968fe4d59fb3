using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Intake;

/// <summary>
/// Finds the users that records name by work e-mail or directory id (see <see cref="ExternalIdText.UserReference"/>),
/// in one read. An e-mail two users share names nobody: the caller answers that it is ambiguous.
/// </summary>
internal static class UserReferences
{
    public static async Task<Dictionary<string, UserId?>> ResolveAsync(CrmDbContext db, IEnumerable<string?> references, CancellationToken ct)
    {
        var wanted = references.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var found = new Dictionary<string, UserId?>(StringComparer.Ordinal);
        if (wanted.Count == 0)
            return found;
        var users = await db.Users.AsNoTracking()
            .Where(u => (u.Email != null && wanted.Contains(u.Email)) || (u.ExternalId != null && wanted.Contains(u.ExternalId)))
            .Select(u => new { u.Id, u.Email, u.ExternalId })
            .ToListAsync(ct);
        foreach (var user in users)
        {
            if (user.ExternalId is { } externalId && wanted.Contains(externalId))
                found[externalId] = user.Id;
            if (user.Email is { } email && wanted.Contains(email))
                found[email] = found.ContainsKey(email) ? null : user.Id;
        }
        return found;
    }

    /// <summary>The message for a reference that names no user, or two.</summary>
    public static string Problem(string reference, bool ambiguous) => ambiguous
        ? $"'{FieldChecks.Cut(reference)}' is the e-mail of more than one user; name the user by their directory id"
        : $"no user has the e-mail or directory id '{FieldChecks.Cut(reference)}'";
}
