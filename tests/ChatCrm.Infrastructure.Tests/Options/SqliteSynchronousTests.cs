using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace ChatCrm.Infrastructure.Tests.Options;

/// <summary>
/// <c>Database:SqliteSynchronous</c> reaches every connection the contexts open: SQLite's own default is FULL (2), so
/// without the setting applied these would read 2.
/// </summary>
public sealed class SqliteSynchronousTests : IDisposable
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("chatcrm-sync-").FullName;

    [Fact]
    public async Task Connections_ByDefault_RunWithSynchronousNormal()
    {
        await using var services = Build([]);

        Assert.Equal(1, await ReadSynchronousAsync(services));
        // A second context from the pool, on a connection taken from SQLite's pool again, keeps it.
        Assert.Equal(1, await ReadSynchronousAsync(services));
    }

    [Fact]
    public async Task Connections_WithFull_RunWithSynchronousFull()
    {
        await using var services = Build(new() { ["Database:SqliteSynchronous"] = "Full" });

        Assert.Equal(2, await ReadSynchronousAsync(services));
    }

    private static async Task<long> ReadSynchronousAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        return await db.Database.SqlQueryRaw<long>("SELECT synchronous AS Value FROM pragma_synchronous").SingleAsync();
    }

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["Database:DataDirectory"] = _folder;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new TestEnvironment(_folder))
            .AddCrmPersistence()
            .BuildServiceProvider();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_folder, recursive: true);
    }

    private sealed class TestEnvironment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";
        public string ApplicationName { get; set; } = "ChatCrm.Infrastructure.Tests";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
