using System.Text.Json.Nodes;

namespace ChatCrm.Bot.Tests.Support;

/// <summary>A Teams user as Teams identifies them to a bot.</summary>
public sealed record TeamsUser(string ChatId, string AadObjectId, string Name);

/// <summary>Builds activity JSON the way Teams sends it (personal chat, tenant, client info), for posting to /api/messages.</summary>
public static class TeamsActivities
{
    public const string BotId = "28:chatcrm-test-bot";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    public static JsonObject Message(Uri serviceUrl, string conversationId, TeamsUser user, string? text, JsonObject? value = null)
    {
        var activity = Base("message", serviceUrl, conversationId, user);
        activity["text"] = text;
        activity["textFormat"] = "plain";
        if (value is not null)
            activity["value"] = value;
        return activity;
    }

    public static JsonObject Invoke(Uri serviceUrl, string conversationId, TeamsUser user, string name, JsonObject value)
    {
        var activity = Base("invoke", serviceUrl, conversationId, user);
        activity["name"] = name;
        activity["value"] = value;
        return activity;
    }

    /// <summary>The app added to (<c>add</c>) or removed from (<c>remove</c>) the conversation.</summary>
    public static JsonObject InstallationUpdate(Uri serviceUrl, string conversationId, TeamsUser user, string action)
    {
        var activity = Base("installationUpdate", serviceUrl, conversationId, user);
        activity["action"] = action;
        return activity;
    }

    public static JsonObject BotInstalled(Uri serviceUrl, string conversationId, TeamsUser user)
    {
        var activity = Base("conversationUpdate", serviceUrl, conversationId, user);
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId });
        return activity;
    }

    public static JsonObject Base(string type, Uri serviceUrl, string conversationId, TeamsUser user) => new()
    {
        ["type"] = type,
        ["id"] = $"1{Random.Shared.NextInt64(100_000_000_000, 999_999_999_999)}",
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["localTimestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["serviceUrl"] = serviceUrl.ToString(),
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = user.ChatId, ["name"] = user.Name, ["aadObjectId"] = user.AadObjectId },
        ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = TenantId, ["id"] = conversationId },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "ChatCrm" },
        ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "es-ES", ["country"] = "ES", ["platform"] = "Web", ["timezone"] = "Europe/Madrid" }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        ["locale"] = "es-ES",
    };

    /// <summary>The activity as an English-speaking Teams client sends it (locale en-US); the default is Spanish.</summary>
    public static JsonObject InEnglish(JsonObject activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity["locale"] = "en-US";
        activity["entities"]![0]!["locale"] = "en-US";
        return activity;
    }
}
