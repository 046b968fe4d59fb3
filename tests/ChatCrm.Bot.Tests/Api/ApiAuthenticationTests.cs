using System.Net;
using System.Security.Claims;
using ChatCrm.Infrastructure.Integrations;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Api;

/// <summary>Who may call /api/v1: Entra ID app-only tokens (roles) and API keys (scopes); 401 versus 403.</summary>
public sealed class ApiAuthenticationTests : ApiTestBase
{
    private string CustomerPath => $"/api/v1/customers/{Customer.Id.Value}";

    [Fact]
    public async Task Get_NoCredentials_Returns401WithChallenge()
    {
        using var client = App.CreateClient();

        using var response = await client.GetAsync(CustomerPath);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task Get_ValidEntraTokenWithReadRole_Returns200()
    {
        using var client = ClientWithToken(Entra.Token(["Crm.Read"]));

        using var response = await client.GetAsync(CustomerPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("María Núñez", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public static TheoryData<string> BadTokens => new()
    {
        "expired",
        "wrong audience",
        "wrong tenant",
        "other tenant's tid with our issuer",
        "signed by a stranger",
        "a user's delegated token",
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Get_InvalidEntraToken_Returns401(string flaw)
    {
        var token = flaw switch
        {
            "expired" => Entra.Token(["Crm.Read"], expiresIn: TimeSpan.FromMinutes(-10)),
            "wrong audience" => Entra.Token(["Crm.Read"], audience: "api://someone-else"),
            "wrong tenant" => Entra.Token(["Crm.Read"], tenant: FakeEntraId.OtherTenantId),
            "other tenant's tid with our issuer" => Entra.Token(["Crm.Read"], tenant: FakeEntraId.OtherTenantId, issuer: Entra.Issuer),
            "signed by a stranger" => Entra.Token(["Crm.Read"], signWithStrangerKey: true),
            _ => Entra.Token(["Crm.Read"], extraClaims: [new Claim("scp", "Crm.Read")]),
        };
        using var client = ClientWithToken(token);

        using var response = await client.GetAsync(CustomerPath);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task Get_EntraTokenWithoutAnyRole_Returns403()
    {
        using var client = ClientWithToken(Entra.Token([]));

        using var response = await client.GetAsync(CustomerPath);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_EntraTokenWithReadRoleOnly_Returns403AndStoresNothing()
    {
        using var client = ClientWithToken(Entra.Token(["Crm.Read"]));

        using var response = await PostAsync(client, "/api/v1/customers", NewCustomer());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.Customers.CountAsync()));
    }

    [Fact]
    public async Task Post_EntraTokenWithWriteRole_Returns201AndAuditsTheApplication()
    {
        using var client = ClientWithToken(Entra.Token(["Crm.Read", "Crm.Write"]));

        using var response = await PostAsync(client, "/api/v1/customers", NewCustomer());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var entry = await App.WithDatabaseAsync(db => db.AuditEntries.SingleAsync(a => a.Action == Domain.Auditing.AuditAction.CreatedCustomer));
        Assert.Equal(($"entra:{FakeEntraId.ErpApplicationId}", "Api", (Domain.Users.UserId?)null), (entry.Client, entry.Channel, entry.Actor));
    }

    [Fact]
    public async Task Get_ValidApiKey_Returns200()
    {
        using var client = ClientWithKey(await CreateApiKeyAsync("erp", ApiScopes.Read));

        using var response = await client.GetAsync(CustomerPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_ApiKeyAsBearerToken_Returns200()
    {
        using var client = ClientWithToken(await CreateApiKeyAsync("erp", ApiScopes.Read));

        using var response = await client.GetAsync(CustomerPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_RevokedApiKey_Returns401()
    {
        var token = await CreateApiKeyAsync("erp", ApiScopes.Read);
        await App.WithDatabaseAsync(async db =>
        {
            (await db.ApiKeys.SingleAsync(k => k.Name == "erp")).Revoke(DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        });
        using var client = ClientWithKey(token);

        using var response = await client.GetAsync(CustomerPath);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_RotatedApiKey_OldKeyRefusedNewKeyAccepted()
    {
        var old = await CreateApiKeyAsync("erp", ApiScopes.Read);
        var rotated = await App.WithDatabaseAsync(async db =>
        {
            var token = (await db.ApiKeys.SingleAsync(k => k.Name == "erp")).Rotate(DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return token;
        });
        using var oldClient = ClientWithKey(old);
        using var newClient = ClientWithKey(rotated);

        using var refused = await oldClient.GetAsync(CustomerPath);
        using var accepted = await newClient.GetAsync(CustomerPath);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.OK), (refused.StatusCode, accepted.StatusCode));
    }

    [Theory]
    [InlineData("ccrm_not-a-key")]
    [InlineData("ccrm_0195a1b2c3d4e5f60718293a4b5c6d7e_wrongsecret")]
    public async Task Get_MalformedOrUnknownApiKey_Returns401(string key)
    {
        using var client = ClientWithKey(key);

        using var response = await client.GetAsync(CustomerPath);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_ApiKeyWithoutWriteScope_Returns403()
    {
        using var client = ClientWithKey(await CreateApiKeyAsync("reader", ApiScopes.Read));

        using var response = await PostAsync(client, "/api/v1/orders", new { externalId = "O-1" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Get_UsersWithoutUsersScope_Returns403()
    {
        using var client = ClientWithKey(await CreateApiKeyAsync("crm", ApiScopes.Read, ApiScopes.Write));

        using var response = await client.GetAsync("/api/v1/users");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_WriterWithoutReadScope_GetsOnlyTheIdBack()
    {
        using var client = ClientWithKey(await CreateApiKeyAsync("writer", ApiScopes.Write));

        using var response = await PostAsync(client, "/api/v1/customers", NewCustomer());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("jorge.pena", body, StringComparison.Ordinal);
        Assert.Contains("\"outcome\":\"Created\"", body, StringComparison.Ordinal);
    }
}
