namespace ChatCrm.Infrastructure.Persistence;

/// <summary>
/// What is needed to message a chat later without being asked (proactive digests): the service URL, conversation,
/// tenant, bot and user as the chat tool named them when the bot was installed or last spoken to. A reference is
/// retired, not deleted, when the app is uninstalled or the connector says the bot can no longer post there
/// (removed from the roster, blocked, conversation gone), so senders skip it until the user comes back; any new
/// activity in the conversation makes it usable again. The concurrency token keeps two instances from overwriting
/// each other's view of it.
/// </summary>
public sealed class ConversationReferenceRecord
{
    private ConversationReferenceRecord()
    {
        ConversationKey = string.Empty;
        ServiceUrl = string.Empty;
        ConversationId = string.Empty;
        BotId = string.Empty;
        UserId = string.Empty;
    }

    public ConversationReferenceRecord(string conversationKey, ConversationAddress address, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(address);
        ConversationKey = conversationKey;
        ServiceUrl = string.Empty;
        ConversationId = string.Empty;
        BotId = string.Empty;
        UserId = string.Empty;
        CreatedAt = now.ToUniversalTime();
        Refresh(address, now);
    }

    public const int MaxKeyLength = DialogStateRecord.MaxKeyLength;
    public const int MaxUrlLength = 500;
    public const int MaxIdLength = 200;
    public const int MaxReasonLength = 100;

    /// <summary>Channel plus conversation id, as the dialog state keys it (e.g. "teams:a:1Xy…").</summary>
    public string ConversationKey { get; private set; }

    public string ServiceUrl { get; private set; }

    public string ConversationId { get; private set; }

    public string? ConversationType { get; private set; }

    public string? TenantId { get; private set; }

    public string BotId { get; private set; }

    /// <summary>The chat tool's id of the person who installed the app or last spoke ("29:…" in Teams).</summary>
    public string UserId { get; private set; }

    /// <summary>The person's organisation-wide id (Teams: the Entra object id), when the tool gives one.</summary>
    public string? AadObjectId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When the reference stopped being usable; null while it can be used.</summary>
    public DateTimeOffset? RetiredAt { get; private set; }

    /// <summary>Why: "Uninstalled", or the connector's error code ("BotNotInConversationRoster", "ConversationNotFound", …).</summary>
    public string? RetiredReason { get; private set; }

    public bool IsUsable => RetiredAt is null;

    /// <summary>The latest address seen in the conversation; a retired reference becomes usable again.</summary>
    public void Refresh(ConversationAddress address, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(address);
        ServiceUrl = Cut(address.ServiceUrl, MaxUrlLength);
        ConversationId = Cut(address.ConversationId, MaxKeyLength);
        ConversationType = address.ConversationType is { } type ? Cut(type, 20) : null;
        TenantId = address.TenantId is { } tenant ? Cut(tenant, MaxIdLength) : null;
        BotId = Cut(address.BotId, MaxIdLength);
        UserId = Cut(address.UserId, MaxIdLength);
        AadObjectId = address.AadObjectId is { } aad ? Cut(aad, MaxIdLength) : null;
        UpdatedAt = now.ToUniversalTime();
        RetiredAt = null;
        RetiredReason = null;
    }

    public void Retire(string reason, DateTimeOffset now)
    {
        RetiredReason = Cut(reason, MaxReasonLength);
        RetiredAt = now.ToUniversalTime();
        UpdatedAt = RetiredAt.Value;
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}

/// <summary>Where a conversation lives, as the channel adapter read it from an activity.</summary>
public sealed record ConversationAddress(
    string ServiceUrl, string ConversationId, string? ConversationType, string? TenantId, string BotId, string UserId, string? AadObjectId);
