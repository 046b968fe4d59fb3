namespace ChatCrm.Infrastructure.Persistence;

/// <summary>
/// Where a chat dialog stands for one user in one conversation, as JSON written by the conversation layer.
/// Kept in the database (not in memory) so any instance can take the next turn and a restart loses nothing;
/// the concurrency token stops two instances from both advancing the same dialog.
/// </summary>
public sealed class DialogStateRecord
{
    private DialogStateRecord()
    {
        ConversationKey = string.Empty;
        UserKey = string.Empty;
        StateJson = string.Empty;
    }

    public DialogStateRecord(string conversationKey, string userKey, string stateJson, DateTimeOffset updatedAt)
    {
        ConversationKey = conversationKey;
        UserKey = userKey;
        StateJson = stateJson;
        UpdatedAt = updatedAt.ToUniversalTime();
    }

    public const int MaxKeyLength = 400;

    /// <summary>Channel plus conversation id, e.g. "msteams:a:1Xy…".</summary>
    public string ConversationKey { get; private set; }

    /// <summary>Channel plus user id within that channel.</summary>
    public string UserKey { get; private set; }

    public string StateJson { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public void Replace(string stateJson, DateTimeOffset updatedAt)
    {
        StateJson = stateJson;
        UpdatedAt = updatedAt.ToUniversalTime();
    }
}
