using ChatCrm.Bot.Channels.Teams;
using ChatCrm.Bot.Channels.Teams.Protocol;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Channels.Teams;

/// <summary>
/// Finds the bot's personal chat with a Teams user known by their Entra (AAD) object id, creating it when needed.
/// The stored reference of that chat is used when there is one. Otherwise the chat is created with the connector
/// (<c>POST /v3/conversations</c>) at the service URL and tenant of a stored reference: one of the user's own
/// (a group chat or channel where they spoke to the bot, which also gives their "29:" id), or else one of the
/// deployment's when every stored reference is of a single tenant — with several tenants there is no telling which
/// is the user's, and nothing is guessed. The new chat's reference is stored (in a scope of its own, so the
/// caller's unsaved changes are untouched) for the next digest and the next turn.
/// </summary>
public sealed partial class TeamsPersonalChat(CrmDbContext db, BotConnectorClient connector, IServiceScopeFactory scopes, ILogger<TeamsPersonalChat> logger)
{
    /// <returns>The chat's reference, or null when there is none and none can be created.</returns>
    public async Task<ConversationAddress?> FindOrCreateAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        var usable = db.ConversationReferences.AsNoTracking().Where(r => r.RetiredAt == null);
        var personal = await usable.Where(r => r.AadObjectId == aadObjectId && r.ConversationType == "personal")
            .OrderByDescending(r => r.UpdatedAt).FirstOrDefaultAsync(cancellationToken);
        if (personal is not null)
            return Address(personal);

        var own = await usable.Where(r => r.AadObjectId == aadObjectId && r.TenantId != null)
            .OrderByDescending(r => r.UpdatedAt).FirstOrDefaultAsync(cancellationToken);
        var tenantReference = own;
        if (tenantReference is null)
        {
            var tenants = await usable.Where(r => r.TenantId != null).Select(r => r.TenantId).Distinct().Take(2).ToListAsync(cancellationToken);
            if (tenants.Count != 1)
                return null;
            tenantReference = await usable.Where(r => r.TenantId == tenants[0]).OrderByDescending(r => r.UpdatedAt).FirstAsync(cancellationToken);
        }

        var memberId = own?.UserId ?? aadObjectId;
        var tenantId = tenantReference.TenantId!;
        var serviceUrl = new Uri(tenantReference.ServiceUrl);
        var created = await connector.CreateConversationAsync(serviceUrl, new ConversationParameters
        {
            Bot = new ChannelAccount { Id = tenantReference.BotId },
            Members = [new ChannelAccount { Id = memberId, AadObjectId = aadObjectId }],
            TenantId = tenantId,
            ChannelData = new TenantChannelData(new TenantInfo(tenantId)),
        }, cancellationToken);

        var address = new ConversationAddress(created.ServiceUrl is { Length: > 0 } url ? url : tenantReference.ServiceUrl, created.Id!, "personal",
            tenantId, tenantReference.BotId, memberId, aadObjectId);
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ConversationReferenceStore>()
                .RememberAsync(TeamsConversationAddress.Key(address.ConversationId), address, cancellationToken);
        }
        LogCreated(logger, own is null ? "tenant" : "own");
        return address;
    }

    private static ConversationAddress Address(ConversationReferenceRecord r) =>
        new(r.ServiceUrl, r.ConversationId, r.ConversationType, r.TenantId, r.BotId, r.UserId, r.AadObjectId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created a personal chat for a digest (tenant taken from the user's {Source} reference)")]
    private static partial void LogCreated(ILogger logger, string source);
}
