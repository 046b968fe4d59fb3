using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Integrations;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Testing;

namespace ChatCrm.Bot.Tests.Api;

/// <summary>
/// The real host over HTTP on a SQLite file of the test's own, with Entra ID played by <see cref="FakeEntraId"/> on
/// loopback, a rep (ana@example.com) to own customers and one customer (external id CUST-1). API keys are made the
/// way the CLI makes them. <see cref="Settings"/> lets a test class change the API's limits.
/// </summary>
public abstract class ApiTestBase : IAsyncLifetime
{
    public const string RepEmail = "ana@example.com";

    public const string CustomerExternalId = "CUST-1";

    protected virtual Task<CrmTestDatabase> CreateDatabaseAsync() => Task.FromResult<CrmTestDatabase>(SqliteTestDatabase.MigratedFile());

    protected CrmTestDatabase Database { get; private set; } = null!;

    protected FakeEntraId Entra { get; private set; } = null!;

    protected ChatCrmApp App { get; private set; } = null!;

    protected User Rep { get; private set; } = null!;

    protected Customer Customer { get; private set; } = null!;

    /// <summary>Settings on top of the Entra ones (the API's limits, say).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Whether the host is told about the tenant; false plays a host without Entra settings.</summary>
    protected virtual bool ConfigureEntra => true;

    public async Task InitializeAsync()
    {
        Database = await CreateDatabaseAsync();
        Entra = await FakeEntraId.StartAsync();
        var settings = new Dictionary<string, string?>(Settings);
        if (ConfigureEntra)
        {
            settings["Api:Entra:TenantId"] = FakeEntraId.TenantId;
            settings["Api:Entra:Audience"] = FakeEntraId.Audience;
            settings["Api:Entra:Instance"] = Entra.Instance.ToString();
        }
        App = new ChatCrmApp(Database, settings);
        await App.WithDatabaseAsync(async db =>
        {
            Rep = new User(UserId.New(), "Ana Ruiz", UserRole.SalesRep, "Ventas", "Europe/Madrid", "es-ES");
            Rep.UseEmail(RepEmail);
            db.Users.Add(Rep);
            Customer = new Customer(CustomerId.New(), "María Núñez", "Núñez S.L.", CountryCode.Parse("ES"), LanguageCode.Spanish, DateTimeOffset.UtcNow.AddDays(-30));
            Customer.AddIdentity(IdentityKind.ExternalId, CustomerExternalId);
            Customer.AssignOwner(Rep.Id);
            db.Customers.Add(Customer);
            await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Entra.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>A key stored as <c>apikeys create</c> stores it; returns the token the integration would be given.</summary>
    protected async Task<string> CreateApiKeyAsync(string name, params string[] scopes) =>
        await App.WithDatabaseAsync(async db =>
        {
            var (key, token) = ApiKey.Create(name, scopes, DateTimeOffset.UtcNow);
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync();
            return token;
        });

    /// <summary>A client sending <paramref name="apiKey"/> in X-Api-Key.</summary>
    protected HttpClient ClientWithKey(string apiKey)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    protected HttpClient ClientWithToken(string token)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client with every scope, through an API key.</summary>
    protected async Task<HttpClient> FullClientAsync(string name = "erp-sync") =>
        ClientWithKey(await CreateApiKeyAsync(name, ApiScopes.Read, ApiScopes.Write, ApiScopes.Users));

    /// <summary>A POST with a fresh Idempotency-Key (or the one given).</summary>
    protected static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body, string? idempotencyKey = null) =>
        PostRawAsync(client, path, Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(body)), idempotencyKey);

    protected static async Task<HttpResponseMessage> PostRawAsync(HttpClient client, string path, byte[] body, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString());
        return await client.SendAsync(request);
    }

    protected static async Task<HttpResponseMessage> PatchAsync(HttpClient client, string path, object body, string? ifMatch)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Patch, path) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    /// <summary>The names of the fields a 400 ValidationProblem blames.</summary>
    protected static async Task<IReadOnlyCollection<string>> FieldsBlamedAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(p => p.Name).ToList() : [];
    }

    protected static object NewCustomer(string externalId = "CUST-NEW") => new
    {
        externalId,
        name = "Jorge Peña",
        company = "Peña y Asociados",
        country = "ES",
        language = "es",
        owner = RepEmail,
        email = "jorge.pena@example.es",
        phone = "+34 612 345 678",
    };
}
