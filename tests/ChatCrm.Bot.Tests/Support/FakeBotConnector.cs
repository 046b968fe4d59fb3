using ChatCrm.Bot.Cards;
using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatCrm.Bot.Tests.Support;

/// <summary>
/// A stand-in for the Bot Connector service, listening on a loopback port. It records every activity the bot
/// posts and checks each against the protocol (path, addressing, reply ids, card content type and version, every card
/// valid against the official Adaptive Cards 1.5 schema, every activity under Teams' 28 KB); anything wrong is kept in
/// <see cref="Violations"/> for the tests to assert on.
/// </summary>
public sealed class FakeBotConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<CapturedActivity> _activities = new();
    private readonly ConcurrentQueue<string> _violations = new();

    private FakeBotConnector(WebApplication app) => _app = app;

    public Uri ServiceUrl { get; private set; } = null!;

    public IReadOnlyList<CapturedActivity> Activities => _activities.ToArray();

    public IReadOnlyList<string> Violations => _violations.ToArray();

    /// <summary>Status code the sends answer with (200 by default), to simulate a failing connector.</summary>
    public int AnswerStatus { get; set; } = StatusCodes.Status200OK;

    /// <summary>Statuses for the next sends, one each, before <see cref="AnswerStatus"/> applies again (429 comes with Retry-After: 0).</summary>
    public ConcurrentQueue<int> NextStatuses { get; } = new();

    /// <summary>The members <c>GET /v3/conversations/{id}/members</c> answers with, per conversation id (none: an empty roster).</summary>
    public ConcurrentDictionary<string, IReadOnlyList<TeamsUser>> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>The conversations whose members the bot asked for, in order.</summary>
    public IReadOnlyList<string> MemberRequests => _memberRequests.ToArray();

    private readonly ConcurrentQueue<string> _memberRequests = new();

    /// <summary>Refusals with a Teams error code for the next sends (e.g. 403 BotNotInConversationRoster), before the statuses above.</summary>
    public ConcurrentQueue<(int Status, string Code)> NextRefusals { get; } = new();

    /// <summary>Every <c>POST /v3/conversations</c> body the bot sent, in order.</summary>
    public IReadOnlyList<JsonObject> CreatedConversations => _created.ToArray();

    private readonly ConcurrentQueue<JsonObject> _created = new();

    public static async Task<FakeBotConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new FakeBotConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities", (HttpContext http, string conversationId) =>
            connector.CaptureAsync(http, conversationId, replyToId: null));
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", (HttpContext http, string conversationId, string replyToId) =>
            connector.CaptureAsync(http, conversationId, replyToId));
        app.MapPost("/v3/conversations", (Delegate)((HttpContext http) => connector.CreateConversationAsync(http)));
        app.MapGet("/v3/conversations/{conversationId}/members", (HttpContext http, string conversationId) =>
            connector.Roster(http, conversationId));
        await app.StartAsync();
        connector.ServiceUrl = new Uri(app.Urls.Single() + "/");
        return connector;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> CaptureAsync(HttpContext http, string conversationId, string? replyToId)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body);
        if (body is not JsonObject activity)
        {
            _violations.Enqueue("a body that is not a JSON object");
            return Results.BadRequest();
        }
        if (http.Request.ContentLength is null)
            _violations.Enqueue("a request without Content-Length");
        Check(activity, conversationId, replyToId);
        _activities.Enqueue(new CapturedActivity(activity, conversationId, replyToId));
        if (NextRefusals.TryDequeue(out var refusal))
            return Results.Json(new { error = new { code = refusal.Code, message = "simulated" } }, statusCode: refusal.Status);
        var status = NextStatuses.TryDequeue(out var next) ? next : AnswerStatus;
        if (status == StatusCodes.Status429TooManyRequests)
            http.Response.Headers.RetryAfter = "0";
        return status == StatusCodes.Status200OK
            ? Results.Json(new { id = Guid.NewGuid().ToString("N") })
            : Results.Json(new { error = new { code = status == 429 ? "Throttled" : "ServiceError", message = "simulated" } }, statusCode: status);
    }

    /// <summary>
    /// Creates a 1:1 chat as the connector does: one member, not a group, the bot and the tenant named (in
    /// <c>channelData.tenant.id</c>); the same member gets the same conversation id every time.
    /// </summary>
    private async Task<IResult> CreateConversationAsync(HttpContext http)
    {
        if (await JsonNode.ParseAsync(http.Request.Body) is not JsonObject body)
        {
            _violations.Enqueue("a create-conversation body that is not a JSON object");
            return Results.BadRequest();
        }
        _created.Enqueue(body);
        if ((bool?)body["isGroup"] == true)
            _violations.Enqueue("a create-conversation request for a group");
        if (string.IsNullOrEmpty((string?)body["bot"]?["id"]))
            _violations.Enqueue("a create-conversation request without bot.id");
        var tenant = (string?)body["channelData"]?["tenant"]?["id"];
        if (string.IsNullOrEmpty(tenant))
            _violations.Enqueue("a create-conversation request without channelData.tenant.id");
        var members = body["members"] as JsonArray;
        var member = members is { Count: 1 } ? (string?)members[0]?["id"] : null;
        if (string.IsNullOrEmpty(member))
        {
            _violations.Enqueue("a create-conversation request without exactly one member with an id");
            return Results.BadRequest();
        }
        return Results.Json(new { id = $"a:personal-{tenant}-{member}" }, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>The roster as the connector lists it: Teams ids, names and Entra object ids.</summary>
    private IResult Roster(HttpContext http, string conversationId)
    {
        _memberRequests.Enqueue(conversationId);
        if (http.Request.ContentLength is > 0)
            _violations.Enqueue("a members request with a body");
        var members = Members.TryGetValue(conversationId, out var list) ? list : [];
        return Results.Json(members.Select(m => new { id = m.ChatId, name = m.Name, aadObjectId = m.AadObjectId }).ToArray());
    }

    private void Check(JsonObject activity, string conversationId, string? replyToId)
    {
        var type = (string?)activity["type"];
        if (type is not ("message" or "typing"))
            _violations.Enqueue($"unexpected activity type '{type}'");
        if ((string?)activity["conversation"]?["id"] != conversationId)
            _violations.Enqueue("conversation.id differs from the URL");
        if (activity["from"]?["id"] is null || activity["recipient"]?["id"] is null)
            _violations.Enqueue("from or recipient missing");
        if (replyToId is not null && (string?)activity["replyToId"] != replyToId)
            _violations.Enqueue("replyToId differs from the URL");
        if (type == "message" && activity["text"] is null && activity["attachments"] is not JsonArray { Count: > 0 })
            _violations.Enqueue("a message with neither text nor attachments");
        foreach (var attachment in activity["attachments"]?.AsArray() ?? [])
        {
            if ((string?)attachment?["contentType"] != "application/vnd.microsoft.card.adaptive")
                _violations.Enqueue("an attachment that is not an Adaptive Card");
            if ((string?)attachment?["content"]?["version"] != "1.5" || (string?)attachment?["content"]?["type"] != "AdaptiveCard")
                _violations.Enqueue("a card that is not an Adaptive Card 1.5");
            if (string.IsNullOrEmpty((string?)attachment?["content"]?["fallbackText"]))
                _violations.Enqueue("a card without a plain-text fallback");
            if (attachment?["content"] is JsonObject card)
            {
                foreach (var problem in AdaptiveCardSchema.Problems(card))
                    _violations.Enqueue($"a card that breaks the Adaptive Cards 1.5 schema: {problem}");
            }
        }
        if (AdaptiveCardSchema.SizeInBytes(activity) > AdaptiveCardSchema.MaxActivityBytes)
            _violations.Enqueue($"an activity of {AdaptiveCardSchema.SizeInBytes(activity):N0} bytes, over Teams' 28 KB");
    }
}

/// <summary>One activity the bot posted, with where it posted it.</summary>
public sealed record CapturedActivity(JsonObject Json, string ConversationId, string? ReplyToId)
{
    public string Type => (string?)Json["type"] ?? string.Empty;

    public JsonObject? Card => Json["attachments"]?.AsArray().FirstOrDefault()?["content"] as JsonObject;

    /// <summary>Everything a person would read: the text, or the card's plain-text fallback.</summary>
    public string Text => (string?)Json["text"] ?? (string?)Card?["fallbackText"] ?? string.Empty;

    /// <summary>The card's buttons, then those of the button rows in its body (ActionSets), in order.</summary>
    public IReadOnlyList<JsonObject> Buttons =>
        [.. Card?["actions"]?.AsArray().OfType<JsonObject>() ?? [],
         .. Card?["body"]?.AsArray().OfType<JsonObject>().Where(b => (string?)b["type"] == "ActionSet")
             .SelectMany(b => b["actions"]!.AsArray().OfType<JsonObject>()) ?? []];
}
