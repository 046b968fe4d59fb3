using System.Net;
using ChatCrm.Bot.Api.Http;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Api;

/// <summary>Idempotency-Key on POST (replay, reuse with another body, refusal without one) and ETags on PATCH.</summary>
public sealed class ApiIdempotencyAndETagTests : ApiTestBase
{
    [Fact]
    public async Task Post_SameKeyAndBodyTwice_ReplaysTheFirstResponseAndStoresOnce()
    {
        using var client = await FullClientAsync();

        using var first = await PostAsync(client, "/api/v1/customers", NewCustomer(), "key-1");
        using var second = await PostAsync(client, "/api/v1/customers", NewCustomer(), "key-1");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, second.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.True(second.Headers.Contains(IdempotentPosts.ReplayedHeader));
        Assert.False(first.Headers.Contains(IdempotentPosts.ReplayedHeader));
        Assert.Equal(2, await App.WithDatabaseAsync(db => db.Customers.CountAsync()));
    }

    [Fact]
    public async Task Post_SameKeyWithAnotherBody_Returns422()
    {
        using var client = await FullClientAsync();
        using var first = await PostAsync(client, "/api/v1/customers", NewCustomer("CUST-A"), "key-2");

        using var second = await PostAsync(client, "/api/v1/customers", NewCustomer("CUST-B"), "key-2");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal(2, await App.WithDatabaseAsync(db => db.Customers.CountAsync()));
    }

    [Fact]
    public async Task Post_SameKeyFromAnotherClient_IsThatClientsOwnRequest()
    {
        using var erp = await FullClientAsync("erp");
        using var shop = await FullClientAsync("shop");
        using var first = await PostAsync(erp, "/api/v1/customers", new { externalId = "CUST-A", name = "Ana", country = "ES" }, "shared-key");

        using var second = await PostAsync(shop, "/api/v1/customers", new { externalId = "CUST-B", name = "Bea", country = "ES" }, "shared-key");

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(3, await App.WithDatabaseAsync(db => db.Customers.CountAsync()));
    }

    [Fact]
    public async Task Post_RefusedRequest_LeavesTheKeyFreeForTheCorrectedRetry()
    {
        using var client = await FullClientAsync();
        using var refused = await PostAsync(client, "/api/v1/customers", new { externalId = "CUST-C", country = "ES" }, "key-3");

        using var corrected = await PostAsync(client, "/api/v1/customers", NewCustomer("CUST-C"), "key-3");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.Created), (refused.StatusCode, corrected.StatusCode));
    }

    [Fact]
    public async Task Post_WithoutIdempotencyKey_Returns400NamingTheHeader()
    {
        using var client = await FullClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/customers") { Content = System.Net.Http.Json.JsonContent.Create(NewCustomer()) };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(IdempotentPosts.HeaderName, await FieldsBlamedAsync(response));
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.Customers.CountAsync()));
    }

    [Fact]
    public async Task Patch_CurrentETag_Returns200WithANewETag()
    {
        using var client = await FullClientAsync();
        using var read = await client.GetAsync($"/api/v1/customers/{Customer.Id.Value}");
        var etag = read.Headers.ETag!.ToString();

        using var response = await PatchAsync(client, $"/api/v1/customers/{Customer.Id.Value}", new { company = "Núñez Hermanos S.A." }, etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(etag, response.Headers.ETag!.ToString());
        Assert.Equal("Núñez Hermanos S.A.", await App.WithDatabaseAsync(db => db.Customers.Where(c => c.Id == Customer.Id).Select(c => c.Company).SingleAsync()));
    }

    [Fact]
    public async Task Patch_StaleETag_Returns412AndChangesNothing()
    {
        using var client = await FullClientAsync();
        using var read = await client.GetAsync($"/api/v1/customers/{Customer.Id.Value}");
        var etag = read.Headers.ETag!.ToString();
        using var firstChange = await PatchAsync(client, $"/api/v1/customers/{Customer.Id.Value}", new { company = "Primera S.L." }, etag);

        using var response = await PatchAsync(client, $"/api/v1/customers/{Customer.Id.Value}", new { company = "Segunda S.L." }, etag);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.PreconditionFailed), (firstChange.StatusCode, response.StatusCode));
        Assert.Equal("Primera S.L.", await App.WithDatabaseAsync(db => db.Customers.Where(c => c.Id == Customer.Id).Select(c => c.Company).SingleAsync()));
    }

    [Fact]
    public async Task Patch_ETagReadBeforeAHandleWasAdded_Returns412()
    {
        using var client = await FullClientAsync();
        using var read = await client.GetAsync($"/api/v1/customers/{Customer.Id.Value}");
        var etag = read.Headers.ETag!.ToString();
        using var added = await PostAsync(client, $"/api/v1/customers/{Customer.Id.Value}/identities", new { kind = "LoyaltyNumber", value = "LOY-5501" }, "key-handle");

        using var response = await PatchAsync(client, $"/api/v1/customers/{Customer.Id.Value}", new { company = "Tarde S.L." }, etag);
        using var reread = await client.GetAsync($"/api/v1/customers/{Customer.Id.Value}");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.PreconditionFailed), (added.StatusCode, response.StatusCode));
        Assert.NotEqual(etag, reread.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task Patch_WithoutIfMatch_Returns428()
    {
        using var client = await FullClientAsync();

        using var response = await PatchAsync(client, $"/api/v1/customers/{Customer.Id.Value}", new { company = "Otra S.L." }, ifMatch: null);

        Assert.Equal(HttpStatusCode.PreconditionRequired, response.StatusCode);
    }

    [Fact]
    public async Task Patch_User_StaleETagRefusedCurrentAccepted()
    {
        using var client = await FullClientAsync();
        using var read = await client.GetAsync($"/api/v1/users/{Rep.Id.Value}");
        var etag = read.Headers.ETag!.ToString();

        using var stale = await PatchAsync(client, $"/api/v1/users/{Rep.Id.Value}", new { team = "Norte" }, "\"999\"");
        using var current = await PatchAsync(client, $"/api/v1/users/{Rep.Id.Value}", new { team = "Norte" }, etag);

        Assert.Equal((HttpStatusCode.PreconditionFailed, HttpStatusCode.OK), (stale.StatusCode, current.StatusCode));
    }
}
