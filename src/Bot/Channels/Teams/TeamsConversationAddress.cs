using ChatCrm.Bot.Channels.Teams.Protocol;
using ChatCrm.Bot.Conversations;
using ChatCrm.Infrastructure.Persistence;

namespace ChatCrm.Bot.Channels.Teams;

/// <summary>Reads from a Teams activity what a later proactive message needs to reach the same conversation.</summary>
public static class TeamsConversationAddress
{
    /// <summary>The key a Teams conversation is stored under: the same as <see cref="IncomingTurn.ConversationKey"/>.</summary>
    public static string Key(string conversationId) =>
        new IncomingTurn(ChatChannel.Teams, conversationId, new ChatUser(string.Empty, null, null), null, null, null).ConversationKey;

    /// <summary>The address, or null when the activity lacks what a reference needs (checked before by the endpoint).</summary>
    public static ConversationAddress? From(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ServiceUrl is not { } serviceUrl || activity.Conversation?.Id is not { } conversationId
            || activity.Recipient?.Id is not { } botId || activity.From?.Id is not { } userId)
            return null;
        return new ConversationAddress(serviceUrl, conversationId, activity.Conversation.ConversationType,
            activity.Conversation.TenantId ?? TenantFromChannelData(activity), botId, userId,
            string.IsNullOrWhiteSpace(activity.From.AadObjectId) ? null : activity.From.AadObjectId);
    }

    /// <summary>Teams always sends <c>channelData.tenant.id</c>; <c>conversation.tenantId</c> is not always there.</summary>
    private static string? TenantFromChannelData(Activity activity) =>
        activity.ChannelData is { ValueKind: System.Text.Json.JsonValueKind.Object } data
        && data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == System.Text.Json.JsonValueKind.Object
        && tenant.TryGetProperty("id", out var id) && id.ValueKind == System.Text.Json.JsonValueKind.String
            ? id.GetString()
            : null;
}
