using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;

namespace ChatCrm.Infrastructure.UserDirectory;

/// <summary>
/// Writes a directory change to the audit trail, in the same unit of work as the change: the actor (the admin, the API
/// client, or the changed user when the operator works at the command line or imports a file), the channel, and the
/// before and after by ids and settings — never names or e-mails, which only say "changed", so the trail can be kept
/// as long as the law asks.
/// </summary>
public sealed class DirectoryAudit(CrmDbContext db, TimeProvider time)
{
    public void Record(DirectoryActor actor, User target, string details, AuditAction action = AuditAction.DirectoryChanged)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(target);
        if (actor.Client is { } client)
        {
            db.AuditEntries.Add(AuditEntry.ByIntegration(client, action, null, time.GetUtcNow(), details: details));
            return;
        }
        var by = actor.UserId is null ? $"; by: {actor.Origin}" : string.Empty;
        db.AuditEntries.Add(new AuditEntry(actor.UserId ?? target.Id, action, null, actor.Channel, time.GetUtcNow(),
            details: $"{details}{by}"));
    }

    /// <summary>A new user, with their settings.</summary>
    public void Added(DirectoryActor actor, User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        Record(actor, user, $"users add: user {user.Id}; role: {user.Role}; team: {Shown(user.Team)}; manager: {Shown(user.ManagerId)}; "
            + $"time zone: {user.TimeZone}; locale: {user.Locale}");
    }

    /// <summary>A changed user, field by field before and after; false (nothing written) when nothing changed.</summary>
    public bool Changed(DirectoryActor actor, UserSnapshot before, User user)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(user);
        var after = UserSnapshot.Of(user);
        string?[] changed =
        [
            before.Email == after.Email ? null : "e-mail: changed",
            before.Name == after.Name ? null : "name: changed",
            before.ExternalId == after.ExternalId ? null : "directory id: changed",
            Change("role", before.Role, after.Role),
            Change("team", before.Team, after.Team),
            Change("manager", before.ManagerId, after.ManagerId),
            Change("time zone", before.TimeZone, after.TimeZone),
            Change("locale", before.Locale, after.Locale),
            before.Active == after.Active ? null : before.Active ? "active -> deactivated" : "deactivated -> active",
        ];
        var details = changed.OfType<string>().ToList();
        if (details.Count == 0)
            return false;
        Record(actor, user, $"users update: user {user.Id}; {string.Join("; ", details)}");
        return true;
    }

    /// <summary>"field: before -> after", or nothing when the value did not change.</summary>
    public static string? Change(string field, object? before, object? after) =>
        Equals(before, after) ? null : $"{field}: {Shown(before)} -> {Shown(after)}";

    public static string Shown(object? value) => value switch
    {
        null => "none",
        UserId id => $"user {id}",
        _ => value.ToString() ?? "none",
    };
}

/// <summary>A user's directory fields at one moment, to audit what a change did.</summary>
public sealed record UserSnapshot(string? Email, string Name, string? ExternalId, UserRole Role, string? Team, UserId? ManagerId, string TimeZone,
    string Locale, bool Active)
{
    public static UserSnapshot Of(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.Email, user.DisplayName, user.ExternalId, user.Role, user.Team, user.ManagerId, user.TimeZone, user.Locale, user.IsActive);
    }
}
