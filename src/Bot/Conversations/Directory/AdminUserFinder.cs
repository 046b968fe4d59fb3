using ChatCrm.Domain.Common;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Conversations.Directory;

/// <summary>The users a typed name or e-mail matched: one (found), none, or several (the admin must say which).</summary>
public sealed record AdminUserMatch(IReadOnlyList<User> Users)
{
    public User? Only => Users.Count == 1 ? Users[0] : null;
}

/// <summary>
/// Finds a ChatCrm user for an admin command or form (any feature: it is part of the kernel) by work e-mail (exact, any case) or by name (accents and case ignored;
/// the whole name first, else every user whose name contains the words). Users are staff, a few hundred or thousand
/// rows, so names are compared in memory with the same folding as customer search.
/// </summary>
public sealed class AdminUserFinder(CrmDbContext db)
{
    public async Task<AdminUserMatch> FindAsync(string text, CancellationToken cancellationToken)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
            return new AdminUserMatch([]);
        if (trimmed.Contains('@', StringComparison.Ordinal))
        {
            var email = trimmed.ToLowerInvariant();
            return new AdminUserMatch(await db.Users.Where(u => u.Email == email).Take(5).ToListAsync(cancellationToken));
        }
        var folded = SearchText.Fold(trimmed);
        var users = await db.Users.ToListAsync(cancellationToken);
        var exact = users.Where(u => SearchText.Fold(u.DisplayName) == folded).ToList();
        if (exact.Count > 0)
            return new AdminUserMatch(exact);
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new AdminUserMatch(users
            .Where(u => SearchText.Fold(u.DisplayName).Split(' ') is var names && words.All(w => names.Any(n => n.StartsWith(w, StringComparison.Ordinal))))
            .Take(5)
            .ToList());
    }
}
