using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;

namespace ChatCrm.Infrastructure.UserDirectory;

/// <summary>
/// Writes a directory change to the audit trail, in the same unit of work as the change: the actor (the admin, or the
/// changed user when the operator works at the command line), the channel, and the before and after by ids and
/// settings — never names or e-mails, which only say "changed", so the trail can be kept as long as the law asks.
/// </summary>
public sealed class DirectoryAudit(CrmDbContext db, TimeProvider time)
{
    public void Record(DirectoryActor actor, User target, string details)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(target);
        var by = actor.UserId is null ? "; by: command line" : string.Empty;
        db.AuditEntries.Add(new AuditEntry(actor.UserId ?? target.Id, AuditAction.DirectoryChanged, null, actor.Channel, time.GetUtcNow(),
            details: $"{details}{by}"));
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
