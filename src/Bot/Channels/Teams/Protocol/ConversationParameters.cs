namespace ChatCrm.Bot.Channels.Teams.Protocol;

/// <summary>The body of <c>POST /v3/conversations</c>: a 1:1 chat between the bot and one member, in one tenant.</summary>
public sealed class ConversationParameters
{
    public bool IsGroup { get; init; }

    public required ChannelAccount Bot { get; init; }

    public required IList<ChannelAccount> Members { get; init; }

    public required string TenantId { get; init; }

    /// <summary>Teams reads the tenant from here (<c>channelData.tenant.id</c>).</summary>
    public required TenantChannelData ChannelData { get; init; }
}

public sealed record TenantChannelData(TenantInfo Tenant);

public sealed record TenantInfo(string Id);

/// <summary>The connector's answer to a create: the new conversation's id (and, sometimes, the service URL to use for it).</summary>
public sealed class ConversationResourceResponse
{
    public string? Id { get; set; }

    public string? ServiceUrl { get; set; }
}
