using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using ChatCrm.Bot.Logging;

namespace ChatCrm.Bot.Channels.Teams;

/// <summary>
/// Keeps the stored references that proactive messages (digests) will use: remembered when the app is installed or
/// spoken to, retired when it is uninstalled or the chat tool refuses to post there. Channel adapters call it with
/// the address they read from their own payloads.
/// </summary>
public sealed partial class ConversationReferenceStore(
    CrmDbContext db, ConfirmedConversationReferences confirmed, TimeProvider time, ILogger<ConversationReferenceStore> logger)
{
    /// <summary>
    /// <see cref="RememberAsync"/> for an ordinary chat turn: skips the read when this instance confirmed the same
    /// address stored and usable a moment ago (see <see cref="ConfirmedConversationReferences"/>). Installs and
    /// reinstalls go through <see cref="RememberAsync"/> itself, which always reads.
    /// </summary>
    public async Task RememberOnTurnAsync(string conversationKey, ConversationAddress address, CancellationToken cancellationToken)
    {
        if (!confirmed.IsConfirmed(conversationKey, address))
            await RememberAsync(conversationKey, address, cancellationToken);
    }

    /// <summary>
    /// Stores or refreshes the reference (a retired one becomes usable again). Writes only when something changed,
    /// so calling it on every turn costs one read. Call it before the turn's own work: it saves at once.
    /// Returns true when this call made the reference usable (new, or back after being retired), so that an install
    /// announced twice (Teams sends both <c>installationUpdate</c> and <c>conversationUpdate</c>) is welcomed once.
    /// </summary>
    public async Task<bool> RememberAsync(string conversationKey, ConversationAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        var record = await db.ConversationReferences.FirstOrDefaultAsync(r => r.ConversationKey == conversationKey, cancellationToken);
        var becomesUsable = record is null || !record.IsUsable;
        if (record is null)
            db.ConversationReferences.Add(new ConversationReferenceRecord(conversationKey, address, time.GetUtcNow()));
        else if (!record.IsUsable || !Same(record, address))
            record.Refresh(address, time.GetUtcNow());
        else
        {
            confirmed.Confirm(conversationKey, address);
            return false;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            confirmed.Confirm(conversationKey, address);
            return becomesUsable;
        }
        catch (DbUpdateException)
        {
            // Another instance stored or changed the same reference at the same moment; its version stands.
            LogConcurrentUpdate(logger, conversationKey);
            confirmed.Forget(conversationKey);
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Marks the reference unusable with why. An atomic update of its own (bumping the version), so it is safe in the
    /// middle of a turn whose changes are not saved yet. Returns whether there was a reference to retire.
    /// </summary>
    public async Task<bool> RetireAsync(string conversationKey, string reason, CancellationToken cancellationToken)
    {
        confirmed.Forget(conversationKey);
        var at = time.GetUtcNow();
        var cut = reason.Length <= ConversationReferenceRecord.MaxReasonLength ? reason : reason[..ConversationReferenceRecord.MaxReasonLength];
        var retired = await db.ConversationReferences
            .Where(r => r.ConversationKey == conversationKey)
            .ExecuteUpdateAsync(update => update
                .SetProperty(r => r.RetiredAt, at)
                .SetProperty(r => r.RetiredReason, cut)
                .SetProperty(r => r.UpdatedAt, at)
                .SetProperty(r => EF.Property<long>(r, "Version"), r => EF.Property<long>(r, "Version") + 1), cancellationToken);
        if (retired > 0)
            LogRetired(logger, conversationKey, cut);
        return retired > 0;
    }

    private static bool Same(ConversationReferenceRecord record, ConversationAddress address) =>
        record.ServiceUrl == address.ServiceUrl && record.ConversationId == address.ConversationId && record.TenantId == address.TenantId
        && record.BotId == address.BotId && record.UserId == address.UserId && record.AadObjectId == address.AadObjectId
        && record.ConversationType == address.ConversationType;

    [LoggerMessage(Level = LogLevel.Information, Message = "Retired the conversation reference {ConversationKey}: {Reason}")]
    private static partial void LogRetired(ILogger logger, LoggedText conversationKey, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The conversation reference {ConversationKey} was updated by another instance at the same time")]
    private static partial void LogConcurrentUpdate(ILogger logger, LoggedText conversationKey);
}
