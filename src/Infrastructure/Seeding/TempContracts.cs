#pragma warning disable
using Microsoft.Extensions.DependencyInjection;
namespace ChatCrm.Infrastructure.Seeding;
public sealed record SeedRequest(int Customers, int RandomSeed = 20261124);
public sealed record SeedProgress(string Stage, long Done, long Total);
public sealed record SeedReport(int Customers, int Identities, int Interactions, int Orders, int Consents, int Users, int Offers, TimeSpan Elapsed);
public sealed class DemoSeeder {
    public Task<SeedReport> SeedAsync(SeedRequest request, IProgress<SeedProgress>? progress, CancellationToken ct) => throw new InvalidOperationException();
    public Task<SeedReport?> EnsureDemoDataAsync(CancellationToken ct) => Task.FromResult<SeedReport?>(null);
}
public static class X { public static IServiceCollection AddDemoSeeding(this IServiceCollection s) => s.AddTransient<DemoSeeder>(); }
