using ChatCrm.Bot.Hosting.Scheduling;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Seeding;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatCrm.Bot.Tests.Hosting;

/// <summary>The scheduled retraining, run as Quartz runs it (its own scope from the host's services).</summary>
public sealed class OfferRetrainingJobTests : BotTestBase
{
    protected override Task ArrangeAsync(CrmDbContext db) => Task.CompletedTask;

    private Task RunJobAsync() =>
        new OfferRetrainingJob(App.Services.GetRequiredService<IServiceScopeFactory>(), NullLogger<OfferRetrainingJob>.Instance).Execute(null!).AsTask();

    [Fact]
    public async Task Execute_EnoughAnsweredOffers_StoresANewModelVersion()
    {
        await App.WithDatabaseAsync(db =>
            new DemoSeeder(db, TestClock.Create(), NullLogger<DemoSeeder>.Instance).SeedAsync(new SeedRequest(600), null, CancellationToken.None));

        await RunJobAsync();

        Assert.Equal(1, await App.WithDatabaseAsync(db => db.OfferModelVersions.CountAsync()));
    }

    [Fact]
    public async Task Execute_NoHistory_StoresNothingAndDoesNotFail()
    {
        await RunJobAsync();

        Assert.Equal(0, await App.WithDatabaseAsync(db => db.OfferModelVersions.CountAsync()));
    }
}
