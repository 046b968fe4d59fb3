using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatCrm.Load.Mix;

/// <summary>
/// Teams activities as Teams posts them to a bot's <c>/api/messages</c>: a personal chat, the tenant, the client's
/// locale, the fake connector as <c>serviceUrl</c>, and (when the run signs) the issuer's bearer token.
/// </summary>
public sealed class TeamsRequests(Uri messagesUrl, Uri serviceUrl, Func<string?> token)
{
    public const string BotId = "28:chatcrm-load-bot";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private long _ids;

    /// <summary>A typed message; <paramref name="activityId"/> is what the bot's replies name as <c>replyToId</c>.</summary>
    public HttpRequestMessage Message(SimulatedConversation conversation, string text, out string activityId)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var activity = Base("message", conversation, out activityId);
        activity["text"] = text;
        activity["textFormat"] = "plain";
        return Post(activity);
    }

    /// <summary>An <c>Action.Execute</c> press (<c>adaptiveCard/action</c>), answered in the HTTP response.</summary>
    public HttpRequestMessage Execute(SimulatedConversation conversation, string verb, JsonObject data) =>
        Invoke(conversation, "adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["id"] = "load", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        });

    /// <summary>A message-extension search (<c>composeExtension/query</c>), answered in the HTTP response.</summary>
    public HttpRequestMessage Search(SimulatedConversation conversation, string text) =>
        Invoke(conversation, "composeExtension/query", new JsonObject
        {
            ["commandId"] = "searchCustomers",
            ["parameters"] = new JsonArray(new JsonObject { ["name"] = "query", ["value"] = text }),
            ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 10 },
        });

    private HttpRequestMessage Invoke(SimulatedConversation conversation, string name, JsonObject value)
    {
        var activity = Base("invoke", conversation, out _);
        activity["name"] = name;
        activity["value"] = value;
        return Post(activity);
    }

    private JsonObject Base(string type, SimulatedConversation conversation, out string activityId)
    {
        activityId = "1" + Interlocked.Increment(ref _ids).ToString("000000000000", CultureInfo.InvariantCulture);
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["type"] = type,
            ["id"] = activityId,
            ["timestamp"] = now,
            ["localTimestamp"] = now,
            ["serviceUrl"] = serviceUrl.AbsoluteUri,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = conversation.TeamsUserId, ["name"] = conversation.Name, ["aadObjectId"] = conversation.AadObjectId },
            ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = TenantId, ["id"] = conversation.TeamsConversationId },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "ChatCrm" },
            ["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "clientInfo", ["locale"] = conversation.Locale, ["country"] = "ES", ["platform"] = "Web", ["timezone"] = "Europe/Madrid",
            }),
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
            ["locale"] = conversation.Locale,
        };
    }

    private HttpRequestMessage Post(JsonObject activity)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, messagesUrl)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(activity.ToJsonString())),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (token() is { } bearer)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return request;
    }
}
