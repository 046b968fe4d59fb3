using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatCrm.Bot.Tests.Support;

/// <summary>
/// A stand-in for Slack on loopback: the Web API (<c>/api/{method}</c>, which insists on the bot token) and
/// <c>response_url</c> hooks (<c>/hooks/{id}</c>). It records every call and checks each payload against the
/// Block Kit limits; anything wrong lands in <see cref="Violations"/>. It also plays the OAuth v2 install
/// (see <c>FakeSlack.OAuth.cs</c>): tokens it grants there are accepted by the Web API too.
/// </summary>
public sealed partial class FakeSlack : IAsyncDisposable
{
    public const string BotToken = "xoxb-test-token";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<SlackCall> _calls = new();
    private readonly ConcurrentQueue<string> _violations = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private FakeSlack(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public Uri ApiBaseUrl => new(BaseUrl, "api/");

    public IReadOnlyList<SlackCall> Calls => _calls.ToArray();

    public IReadOnlyList<string> Violations => _violations.ToArray();

    /// <summary>Statuses for the next Web API calls, one each (429 comes with <c>Retry-After: 1</c>).</summary>
    public ConcurrentQueue<int> NextStatuses { get; } = new();

    /// <summary>
    /// As Slack does when it cannot download a message's pictures: a chat call carrying an image block answers
    /// <c>invalid_blocks</c> ("downloading image failed"), a <c>response_url</c> post HTTP 400. Off by default.
    /// </summary>
    public bool ImagesUnreachable { get; set; }

    /// <summary>Statuses for the next <c>response_url</c> posts, one each (a failing post is recorded as throttled).</summary>
    public ConcurrentQueue<int> NextHookStatuses { get; } = new();

    public Uri NewResponseUrl() => new(BaseUrl, $"hooks/{Guid.NewGuid():N}");

    public static async Task<FakeSlack> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var slack = new FakeSlack(app);
        app.MapPost("/api/oauth.v2.access", (Func<HttpContext, Task<IResult>>)slack.OAuthAccessAsync);
        app.MapPost("/api/{method}", (HttpContext http, string method) => slack.ApiAsync(http, method));
        app.MapPost("/hooks/{id}", (HttpContext http, string id) => slack.HookAsync(http, id));
        await app.StartAsync();
        slack.BaseUrl = new Uri(app.Urls.Single() + "/");
        return slack;
    }

    /// <summary>Waits until at least <paramref name="count"/> calls arrived (or fails after a generous while).</summary>
    public async Task<IReadOnlyList<SlackCall>> WaitForCallsAsync(int count, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(20));
        while (_calls.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
                throw new TimeoutException($"Expected {count} Slack calls, got {_calls.Count}: {string.Join(", ", _calls.Select(c => c.Method))}");
            await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
        return Calls;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrived.Dispose();
    }

    private async Task<IResult> ApiAsync(HttpContext http, string method)
    {
        // Read methods (users.info) come form-encoded, as Slack wants them; the rest as JSON.
        var body = http.Request.HasFormContentType
            ? FormAsJson(await http.Request.ReadFormAsync())
            : await JsonNode.ParseAsync(http.Request.Body) as JsonObject;
        if (http.Request.HasFormContentType && method != "users.info")
            _violations.Enqueue($"{method} sent form-encoded; it takes JSON");
        if (!http.Request.HasFormContentType && method == "users.info")
            _violations.Enqueue("users.info sent as JSON; Slack reads its arguments form-encoded");
        var authorization = http.Request.Headers.Authorization.ToString();
        var token = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : string.Empty;
        if (token != BotToken && !_grantedTokens.ContainsKey(token))
        {
            _violations.Enqueue($"{method} without the bot token");
            return Results.Json(new { ok = false, error = "invalid_auth" });
        }
        if (body is null)
        {
            _violations.Enqueue($"{method} without a JSON body");
            return Results.Json(new { ok = false, error = "invalid_json" });
        }
        if (NextStatuses.TryDequeue(out var status) && status != StatusCodes.Status200OK)
        {
            Record(new SlackCall(method, body, Throttled: true));
            if (status == StatusCodes.Status429TooManyRequests)
                http.Response.Headers.RetryAfter = "1";
            return Results.Json(new { ok = false, error = "ratelimited" }, statusCode: status);
        }
        Check(method, body);
        Record(new SlackCall(method, body) { Token = token });
        if (ImagesUnreachable && method.StartsWith("chat.", StringComparison.Ordinal) && HasImage(body))
            return Results.Json(new { ok = false, error = "invalid_blocks", errors = new[] { "downloading image failed [json-pointer:/blocks/1/image_url]" } });
        return method switch
        {
            "conversations.open" => Results.Json(new { ok = true, channel = new { id = "D" + (string?)body["users"] } }),
            "chat.postMessage" or "chat.update" => Results.Json(new { ok = true, channel = (string?)body["channel"], ts = "1700000000.000100" }),
            "views.open" or "views.publish" or "views.update" or "views.push" => Results.Json(new { ok = true, view = new { id = "V123" } }),
            "users.info" => UserInfo((string?)body["user"], (string?)body["include_locale"] == "true"),
            _ => Results.Json(new { ok = true }),
        };
    }

    /// <summary>What users.info answers per user id (e-mail, locale); others get "agent@example.com" and no locale.</summary>
    public ConcurrentDictionary<string, (string? Email, string? Locale)> Profiles { get; } = new();

    /// <summary>The IANA zone (<c>tz</c>) users.info answers per user id; none for the others.</summary>
    public ConcurrentDictionary<string, string> TimeZones { get; } = new();

    /// <summary>What kind of account users.info reports per user id; the others are full members of T0ACME.</summary>
    public ConcurrentDictionary<string, SlackAccount> Accounts { get; } = new();

    /// <summary>As Slack does: the locale only when asked for with <c>include_locale=true</c>; <c>tz</c> always.</summary>
    private IResult UserInfo(string? userId, bool includeLocale)
    {
        var (email, locale) = userId is not null && Profiles.TryGetValue(userId, out var profile) ? profile : ("agent@example.com", null);
        var tz = userId is not null && TimeZones.TryGetValue(userId, out var zone) ? zone : null;
        var account = userId is not null && Accounts.TryGetValue(userId, out var kind) ? kind : new SlackAccount();
        return Results.Json(new
        {
            ok = true,
            user = new
            {
                id = userId, team_id = account.TeamId, locale = includeLocale ? locale : null, tz, is_bot = account.IsBot, deleted = account.Deleted,
                is_restricted = account.IsRestricted, is_ultra_restricted = account.IsUltraRestricted, is_stranger = account.IsStranger,
                enterprise_user = account.EnterpriseId is null ? null : new { enterprise_id = account.EnterpriseId },
                profile = new { email },
            },
        });
    }

    private static JsonObject FormAsJson(IFormCollection form)
    {
        var body = new JsonObject();
        foreach (var (key, value) in form)
            body[key] = value.ToString();
        return body;
    }

    private async Task<IResult> HookAsync(HttpContext http, string id)
    {
        if (await JsonNode.ParseAsync(http.Request.Body) is not JsonObject body)
        {
            _violations.Enqueue("a response_url post without a JSON body");
            return Results.BadRequest();
        }
        if (http.Request.Headers.Authorization.Count > 0)
            _violations.Enqueue("a response_url post carrying an Authorization header");
        if (NextHookStatuses.TryDequeue(out var status) && status != StatusCodes.Status200OK)
        {
            Record(new SlackCall("response_url", body, Throttled: true) { HookId = id });
            return Results.Text(status == StatusCodes.Status404NotFound ? "expired_url" : "unavailable", statusCode: status);
        }
        Check("response_url", body);
        Record(new SlackCall("response_url", body) { HookId = id });
        return ImagesUnreachable && HasImage(body) ? Results.Text("invalid_blocks", statusCode: StatusCodes.Status400BadRequest) : Results.Text("ok");
    }

    private void Check(string method, JsonObject body)
    {
        var isView = method.StartsWith("views.", StringComparison.Ordinal);
        if (!isView && !method.StartsWith("chat.", StringComparison.Ordinal) && method != "response_url")
            return; // users.info, conversations.open: no blocks to check
        var blocks = (isView ? body["view"]?["blocks"] : body["blocks"]) as JsonArray;
        foreach (var violation in BlockKitChecks.Check(blocks, isView ? 100 : 50))
            _violations.Enqueue($"{method}: {violation}");
        if (isView)
            foreach (var violation in BlockKitChecks.CheckView(body["view"] as JsonObject))
                _violations.Enqueue($"{method}: {violation}");
        if (!isView && string.IsNullOrEmpty((string?)body["text"]))
            _violations.Enqueue($"{method}: a message without top-level text");
        if (!isView && ((string?)body["text"])?.Length > 40000)
            _violations.Enqueue($"{method}: text over 40000");
    }

    private static bool HasImage(JsonObject body) =>
        (body["blocks"] as JsonArray ?? []).OfType<JsonObject>().Any(b => (string?)b["type"] == "image");

    private void Record(SlackCall call)
    {
        _calls.Enqueue(call);
        _arrived.Release();
    }
}

/// <summary>One call ChatCrm made to Slack.</summary>
public sealed record SlackCall(string Method, JsonObject Body, bool Throttled = false)
{
    public string? HookId { get; init; }

    /// <summary>The bot token the call carried (Web API calls only).</summary>
    public string? Token { get; init; }

    public JsonArray Blocks => (Body["blocks"] ?? Body["view"]?["blocks"]) as JsonArray ?? [];

    /// <summary>Everything a person would read: the top-level text and every text inside the blocks.</summary>
    public string Text => string.Join("\n", new[] { (string?)Body["text"] ?? string.Empty }.Concat(AllTexts(Blocks)));

    private static IEnumerable<string> AllTexts(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "text" && p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? [s] : AllTexts(p.Value)),
        JsonArray a => a.SelectMany(AllTexts),
        _ => [],
    };
}

/// <summary>The account facts users.info reports: its workspace, guest (multi- or single-channel), bot, deactivated, from another organisation.</summary>
public sealed record SlackAccount(string TeamId = "T0ACME", bool IsRestricted = false, bool IsUltraRestricted = false, bool IsBot = false,
    bool Deleted = false, bool IsStranger = false, string? EnterpriseId = null);
