using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatCrm.Load.Fakes;

/// <summary>
/// The outside services a bot talks to, played on loopback by the load tool itself, on one port:
/// <list type="bullet">
/// <item><c>/v1/.well-known/openidconfiguration</c> and <c>/v1/keys</c>: the Bot Framework issuer's metadata and keys;</item>
/// <item><c>/msi/token</c>: an App Service managed-identity endpoint (what MSAL calls when <c>IDENTITY_ENDPOINT</c> and
/// <c>IDENTITY_HEADER</c> are set), and <c>/{tenant}/oauth2/v2.0/token</c>: client credentials — the bot's outbound token;</item>
/// <item><c>/teams/v3/conversations/…</c>: the Bot Connector the activities' <c>serviceUrl</c> points at;</item>
/// <item><c>/slack/api/{method}</c>: the Slack Web API, and <c>/hooks/{key}</c>: Slack's <c>response_url</c>s.</item>
/// </list>
/// Each reply is recorded in <see cref="Replies"/> under the key of the request that caused it.
/// </summary>
public sealed class LoopbackFakes : IAsyncDisposable
{
    private static readonly string[] RsaAlgorithms = ["RS256"];
    private static readonly string[] AuthMethods = ["private_key_jwt"];
    private readonly WebApplication _app;
    private long _ids;

    private LoopbackFakes(WebApplication app, Uri root, TokenIssuer issuer)
    {
        _app = app;
        Root = root;
        Issuer = issuer;
    }

    public Uri Root { get; }

    public TokenIssuer Issuer { get; }

    public ReplyLog Replies { get; } = new();

    /// <summary>The <c>serviceUrl</c> of the simulated Teams activities.</summary>
    public Uri ServiceUrl => new(Root, "teams/");

    public Uri OpenIdMetadataUrl => new(Root, "v1/.well-known/openidconfiguration");

    public Uri ManagedIdentityEndpoint => new(Root, "msi/token");

    public Uri SlackApiBaseUrl => new(Root, "slack/api/");

    public Uri HookUrl(string key) => new(Root, $"hooks/{key}");

    /// <summary>Outbound calls no fake knows (counted, answered 404), e.g. a connector route added later.</summary>
    public int UnknownCalls => (int)Interlocked.Read(ref _unknown);

    private long _unknown;

    public static async Task<LoopbackFakes> StartAsync(int port, string appId, FileInfo issuerKey)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var issuer = new TokenIssuer(issuerKey);
        var root = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var fakes = new LoopbackFakes(app, root, issuer);
        fakes.Map(app, appId);
        await app.StartAsync();
        return fakes;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Issuer.Dispose();
    }

    private void Map(WebApplication app, string appId)
    {
        app.MapGet("/v1/.well-known/openidconfiguration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = TokenIssuer.ChannelIssuer,
            ["authorization_endpoint"] = new Uri(Root, "authorize").AbsoluteUri,
            ["jwks_uri"] = new Uri(Root, "v1/keys").AbsoluteUri,
            ["id_token_signing_alg_values_supported"] = RsaAlgorithms,
            ["token_endpoint_auth_methods_supported"] = AuthMethods,
        }));
        app.MapGet("/v1/keys", () => Results.Json(Issuer.Jwks()));

        // App Service managed identity (api-version 2019-08-01): expires_on in Unix seconds.
        app.MapGet("/msi/token", () => Results.Json(new Dictionary<string, string>
        {
            ["access_token"] = Issuer.ConnectorToken(appId, TimeSpan.FromHours(1)),
            ["expires_on"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["resource"] = TokenIssuer.ChannelIssuer,
            ["token_type"] = "Bearer",
            ["client_id"] = appId,
        }));
        app.MapPost("/{tenant}/oauth2/v2.0/token", () => Results.Json(new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = 3600,
            ["ext_expires_in"] = 3600,
            ["access_token"] = Issuer.ConnectorToken(appId, TimeSpan.FromHours(1)),
        }));

        // The Bot Connector: replies, updates, new conversations, rosters.
        app.MapPost("/teams/v3/conversations/{conversation}/activities/{replyTo?}", (HttpContext http, string conversation) => PostedAsync(http, "teams:" + conversation));
        app.MapPut("/teams/v3/conversations/{conversation}/activities/{id}", (HttpContext http, string conversation) => PostedAsync(http, "teams:" + conversation));
        app.MapPost("/teams/v3/conversations", () => Results.Json(new { id = $"a:load-created-{Interlocked.Increment(ref _ids)}" }));
        app.MapGet("/teams/v3/conversations/{conversation}/members", () => Results.Json(Array.Empty<object>()));
        app.MapGet("/teams/v3/conversations/{conversation}/pagedmembers", () => Results.Json(new { members = Array.Empty<object>() }));

        app.MapPost("/slack/api/{method}", SlackAsync);
        app.MapPost("/hooks/{key}", async (HttpContext http, string key) =>
        {
            await http.Request.Body.CopyToAsync(Stream.Null);
            Replies.Record("hook:" + key);
            return Results.Ok();
        });
        app.MapFallback(() =>
        {
            Interlocked.Increment(ref _unknown);
            return Results.NotFound();
        });
    }

    /// <summary>A Teams conversation whose replies are printed (to check a mix does what it should); null for none.</summary>
    public string? TracedConversation { get; set; }

    private async Task<IResult> PostedAsync(HttpContext http, string key)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        var isMessage = body.Contains("\"type\":\"message\"", StringComparison.Ordinal);
        Replies.Record(key, isMessage ? body : null);
        if (TracedConversation is { } traced && key == "teams:" + traced)
            Console.Error.WriteLine($"[reply] {(body.Length > 600 ? body[..600] + "…" : body)}");
        return Results.Json(new { id = $"load-{Interlocked.Increment(ref _ids)}" });
    }

    /// <summary>A Slack Web API method: JSON or form arguments; always <c>ok</c>, with what the bot reads back.</summary>
    private async Task<IResult> SlackAsync(HttpContext http, string method)
    {
        var arguments = await ReadArgumentsAsync(http.Request);
        string? Argument(string name) => arguments.TryGetValue(name, out var value) ? value : null;
        switch (method)
        {
            case "chat.postMessage" or "chat.postEphemeral" or "chat.update":
                Replies.Record("slack-channel:" + Argument("channel"));
                return Results.Json(new { ok = true, channel = Argument("channel"), ts = NextTs(), message_ts = NextTs() });
            case "views.publish":
                Replies.Record("slack-user:" + Argument("user_id"));
                return Results.Json(new { ok = true, view = new { id = "VLOAD" } });
            case "views.open" or "views.push":
                Replies.Record("slack-trigger:" + Argument("trigger_id"));
                return Results.Json(new { ok = true, view = new { id = "VLOAD" } });
            case "views.update":
                return Results.Json(new { ok = true, view = new { id = "VLOAD" } });
            case "conversations.open":
                return Results.Json(new { ok = true, channel = new { id = "D" + Argument("users") } });
            case "users.info":
                // No e-mail: the bot then enrols the account as a demo user (Directory:DemoEnrollUnknownUsersAs).
                return Results.Json(new { ok = true, user = new { id = Argument("user"), locale = "en-US", is_bot = false, deleted = false, profile = new { } } });
            case "auth.test":
                return Results.Json(new { ok = true, team_id = "T0LOAD", user_id = "U0LOADBOT", bot_id = "B0LOAD" });
            default:
                Interlocked.Increment(ref _unknown);
                return Results.Json(new { ok = false, error = "unknown_method" });
        }
    }

    private string NextTs() => $"1700000000.{Interlocked.Increment(ref _ids).ToString("000000", CultureInfo.InvariantCulture)}";

    private static async Task<Dictionary<string, string>> ReadArgumentsAsync(HttpRequest request)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.HasFormContentType)
        {
            foreach (var (name, value) in await request.ReadFormAsync())
                values[name] = value.ToString();
            return values;
        }
        var body = await JsonNode.ParseAsync(request.Body);
        if (body is JsonObject json)
        {
            foreach (var (name, value) in json)
            {
                if (value is JsonValue scalar && scalar.GetValueKind() is JsonValueKind.String or JsonValueKind.Number)
                    values[name] = scalar.ToString();
            }
        }
        return values;
    }
}
