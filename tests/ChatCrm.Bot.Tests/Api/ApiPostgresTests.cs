using System.Net;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Api;

/// <summary>
/// On PostgreSQL, with two instances of the host on one database: the same POST sent to both at once (a client retry
/// racing the original) creates the customer once, and every copy answers with that one customer.
/// </summary>
public sealed class ApiPostgresTests : ApiTestBase
{
    protected override async Task<CrmTestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync(nameof(ApiPostgresTests));

    [Fact]
    public async Task Post_SameKeyToTwoInstancesAtOnce_CreatesOneCustomerAndEveryCopyGetsIt()
    {
        var key = await CreateApiKeyAsync("erp", "crm.read", "crm.write");
        await using var second = new ChatCrmApp(Database, new Dictionary<string, string?>());
        using var one = ClientWithKey(key);
        using var two = second.CreateClient();
        two.DefaultRequestHeaders.Add("X-Api-Key", key);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            PostAsync(i % 2 == 0 ? one : two, "/api/v1/customers", NewCustomer("CUST-RACE"), "race-key")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location).Distinct());
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.CustomerIdentities.CountAsync(i => i.Value == "CUST-RACE")));
        Assert.Equal(1, await App.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.Action == Domain.Auditing.AuditAction.CreatedCustomer)));
        foreach (var response in responses)
            response.Dispose();
    }
}
