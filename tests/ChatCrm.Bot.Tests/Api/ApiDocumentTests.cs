using System.Net;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Testing;

namespace ChatCrm.Bot.Tests.Api;

/// <summary>The OpenAPI document and the Scalar page exist in Development only.</summary>
public sealed class ApiDocumentTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = SqliteTestDatabase.MigratedFile();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task GetOpenApi_Development_DescribesTheApiAndItsSecurity()
    {
        await using var app = new ChatCrmApp(_database);
        using var client = app.CreateClient();

        var document = await client.GetStringAsync("/openapi/integration-v1.json");
        using var scalar = await client.GetAsync("/scalar");

        Assert.Contains("/api/v1/customers/{id}", document, StringComparison.Ordinal);
        Assert.Contains("X-Api-Key", document, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/messages", document, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, scalar.StatusCode);
    }

    [Fact]
    public async Task GetOpenApi_Production_Returns404()
    {
        await using var app = new ChatCrmApp(_database, new Dictionary<string, string?> { ["Privacy:PublicBaseUrl"] = "https://crm.example.com" }, environment: "Production");
        using var client = app.CreateClient();

        using var document = await client.GetAsync("/openapi/integration-v1.json");
        using var scalar = await client.GetAsync("/scalar");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (document.StatusCode, scalar.StatusCode));
    }
}
