using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Api;

/// <summary>Per-client rate limits (429 with Retry-After) and the request size limit (413).</summary>
public sealed class ApiLimitsTests : ApiTestBase
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Api:RequestsPerMinute"] = "3",
        ["Api:MaxRequestBodyBytes"] = "2048",
    };

    [Fact]
    public async Task Get_MoreThanTheClientsLimit_Returns429WithRetryAfterWhileOthersGoOn()
    {
        using var busy = await FullClientAsync("busy");
        using var other = await FullClientAsync("other");
        var path = $"/api/v1/customers/{Customer.Id.Value}";
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await busy.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var limited = await busy.GetAsync(path);
        using var unaffected = await other.GetAsync(path);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, unaffected.StatusCode);
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_Returns413AndStoresNothing()
    {
        using var client = await FullClientAsync();
        var body = Encoding.UTF8.GetBytes($$"""{"externalId":"CUST-BIG","name":"Big","country":"ES","company":"{{new string('x', 3000)}}"}""");

        using var response = await PostRawAsync(client, "/api/v1/customers", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.Customers.CountAsync()));
    }

    [Fact]
    public async Task Post_ChunkedBodyOverTheLimit_Returns413()
    {
        using var client = await FullClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/customers")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(new string(' ', 5000) + "{}"))),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add("Idempotency-Key", "chunked");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
