using ChatCrm.Infrastructure.Import;
using ChatCrm.Infrastructure.Intake;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Tiers;
using ChatCrm.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Infrastructure.Tests.Import;

/// <summary>The intake services and the import runner on one test database, as the CLI and the API register them.</summary>
internal sealed class ImportTestHost(CrmTestDatabase database) : IAsyncDisposable
{
    private readonly ServiceProvider _services = Build(database);

    public static string Fixture(string name) => Path.Combine(RepositoryRoot.Path, "tests", "ChatCrm.Infrastructure.Tests", "Import", "Fixtures", name);

    public async Task<ImportReport> ImportAsync(ImportKind kind, string fixture, bool dryRun = false, bool skipInvalid = false, string? rejects = null,
        bool historical = false, ImportEncoding encoding = ImportEncoding.Detect, int batchSize = ImportRequest.DefaultBatchSize)
    {
        await using var scope = _services.CreateAsyncScope();
        var path = Path.IsPathRooted(fixture) ? fixture : Fixture(fixture);
        var request = new ImportRequest(kind, path, null, encoding, dryRun, skipInvalid, rejects, historical, batchSize);
        return await scope.ServiceProvider.GetRequiredService<ImportRunner>().RunAsync(request, progress: null, CancellationToken.None);
    }

    /// <summary>Runs <paramref name="work"/> with a service of the scope and saves, as an API request would.</summary>
    public async Task<TResult> StageAndSaveAsync<TService, TResult>(Func<TService, Task<TResult>> work) where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        var result = await work(scope.ServiceProvider.GetRequiredService<TService>());
        await scope.ServiceProvider.GetRequiredService<CrmDbContext>().SaveChangesAsync();
        return result;
    }

    /// <summary>The directory the customer fixtures name as owners.</summary>
    public async Task ImportDirectoryAsync()
    {
        var report = await ImportAsync(ImportKind.Users, "users.csv");
        Assert.Equal(0, report.Rejected);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private static ServiceProvider Build(CrmTestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddScoped<CrmDbContext>(_ => database.CreateContext());
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new TierOptions { ExchangeRates = { ["USD"] = 0.92m, ["GBP"] = 1.17m, ["MXN"] = 0.05m } }));
        services.AddIntake();
        return services.BuildServiceProvider();
    }
}
