using System.Net;
using ChatCrm.Bot.Api.Http;
using ChatCrm.Bot.Hosting.Scheduling;
using ChatCrm.Infrastructure.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Bot.Tests.Api;

/// <summary>The nightly purge of <c>Idempotency-Key</c> records, run as Quartz runs it: past the retention they go, younger ones still replay.</summary>
public sealed class ApiIdempotencyPurgeTests : ApiTestBase
{
    [Fact]
    public async Task Execute_RecordsPastTheRetention_AreForgottenAndYoungerOnesStillReplay()
    {
        using var client = await FullClientAsync();
        using var fresh = await PostAsync(client, "/api/v1/customers", NewCustomer("CUST-FRESH"), "key-fresh");
        Assert.Equal(HttpStatusCode.Created, fresh.StatusCode);
        await App.WithDatabaseAsync(async db =>
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord("erp-sync", "key-old", [1, 2, 3], DateTimeOffset.UtcNow.AddDays(-2)));
            await db.SaveChangesAsync();
        });

        await new IdempotencyPurgeJob(App.Services.GetRequiredService<IServiceScopeFactory>()).Execute(null!);

        var keys = await App.WithDatabaseAsync(db => db.IdempotencyRecords.Select(r => r.Key).ToListAsync());
        Assert.Equal(["key-fresh"], keys);
        using var replay = await PostAsync(client, "/api/v1/customers", NewCustomer("CUST-FRESH"), "key-fresh");
        Assert.True(replay.Headers.Contains(IdempotentPosts.ReplayedHeader));
    }
}
