using System.Text.Json;
using ChatCrm.Bot.Channels.Teams.Protocol;

namespace ChatCrm.Bot.Channels.Teams;

/// <summary>
/// Where an authenticated activity comes from, and whether ChatCrm serves it: only the Teams channel
/// (<c>channelId</c> <c>msteams</c>; Web Chat, Direct Line or the Bot Framework Emulator are refused) and only the
/// tenants in <see cref="TeamsOptions.AllowedTenants"/> — by default the bot's own tenant for a SingleTenant or
/// UserAssignedMsi bot. The tenant is read from <c>conversation.tenantId</c> and <c>channelData.tenant.id</c>; when both
/// are there they must agree.
/// </summary>
public static class ActivityOrigin
{
    public const string TeamsChannel = "msteams";

    public const string AnyTenant = "any";

    /// <summary>Why the activity is refused (a 403), or null when it may be served.</summary>
    public static string? Refusal(Activity activity, TeamsOptions options, BotCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credentials);
        if (!string.Equals(activity.ChannelId, TeamsChannel, StringComparison.Ordinal))
            return "the activity is not from the Teams channel (msteams)";
        if (AllowedTenants(options, credentials) is not { } allowed)
            return null;
        var fromConversation = activity.Conversation?.TenantId;
        var fromChannelData = ChannelDataTenant(activity.ChannelData);
        if (fromConversation is not null && fromChannelData is not null && !string.Equals(fromConversation, fromChannelData, StringComparison.OrdinalIgnoreCase))
            return "conversation.tenantId and channelData.tenant.id disagree";
        var tenant = fromConversation ?? fromChannelData;
        if (tenant is null)
            return "the activity names no tenant";
        return allowed.Contains(tenant) ? null : "the tenant is not in Teams:AllowedTenants";
    }

    /// <summary>The tenants served, or null for any: "any" in the setting, or a MultiTenant bot without the setting (allowed only in Development, see <see cref="StartupProblem"/>).</summary>
    public static IReadOnlySet<string>? AllowedTenants(TeamsOptions options, BotCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credentials);
        var listed = options.AllowedTenants.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToList();
        if (listed.Any(t => t.Equals(AnyTenant, StringComparison.OrdinalIgnoreCase)))
            return null;
        if (listed.Count > 0)
            return listed.ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (credentials.MicrosoftAppType != BotAppType.MultiTenant && !string.IsNullOrWhiteSpace(credentials.MicrosoftAppTenantId))
            return new HashSet<string>([credentials.MicrosoftAppTenantId.Trim()], StringComparer.OrdinalIgnoreCase);
        return null;
    }

    /// <summary>A MultiTenant bot with credentials must say which tenants it serves outside Development (a list, or "any").</summary>
    public static string? StartupProblem(TeamsOptions options, BotCredentials credentials, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(environment);
        return credentials.IsConfigured && credentials.MicrosoftAppType == BotAppType.MultiTenant && !environment.IsDevelopment()
            && !options.AllowedTenants.Any(t => !string.IsNullOrWhiteSpace(t))
            ? "Teams:AllowedTenants is required for a MultiTenant bot outside Development: list the Entra tenant ids it serves, or \"any\" to serve every tenant."
            : null;
    }

    private static string? ChannelDataTenant(JsonElement? channelData) =>
        channelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
        && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}
