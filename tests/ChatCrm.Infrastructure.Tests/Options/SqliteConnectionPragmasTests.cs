using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace ChatCrm.Infrastructure.Tests.Options;

/// <summary>
/// What <c>SqliteConnectionPragmas</c> sets on every connection the contexts open. <c>Database:SqliteSynchronous</c>:
/// SQLite's own default is FULL (2), so without the setting applied these would read 2. The busy timeout: SQLite's own
/// default is 0 (a writer that finds the lock taken fails at once), so without it these would read 0.
/// </summary>
public sealed class SqliteConnectionPragmasTests : IDisposable
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

    [Fact]
    public async Task Connections_ByDefault_WaitTheConnectionTimeoutForTheWriteLock()
    {
        await using var services = Build([]);

        Assert.Equal(30_000, await ReadBusyTimeoutAsync(services));
    }

    [Fact]
    public async Task Connections_WithADefaultTimeoutInTheConnectionString_WaitThatLong()
    {
        var file = Path.Combine(_folder, "timeout.db");
        await using var services = Build(new() { ["Database:ConnectionString"] = $"Data Source={file};Default Timeout=3" });

        Assert.Equal(3_000, await ReadBusyTimeoutAsync(services));
    }

    [Fact]
    public async Task Write_WhileAnotherConnectionHoldsTheWriteLock_WaitsAndCommitsOnceItIsReleased()
    {
        await using var services = Build([]);
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Database.ExecuteSqlRawAsync(
                "CREATE TABLE IF NOT EXISTS Probe (Id INTEGER PRIMARY KEY, Note TEXT)");
        await using var holder = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_folder, "chatcrm.db")};Pooling=False");
        await holder.OpenAsync();
        await using var hold = await holder.BeginTransactionAsync(); // BEGIN IMMEDIATE: the write lock
        await using var writerScope = services.CreateAsyncScope();
        var writer = writerScope.ServiceProvider.GetRequiredService<CrmDbContext>();

        // SQLite's calls block their thread, so the write waits on its own.
        var write = Task.Run(() => writer.Database.ExecuteSqlRawAsync("INSERT INTO Probe (Note) VALUES ('waited')"));
        await Task.Delay(300);
        var doneWhileHeld = write.IsCompleted;
        await hold.CommitAsync();
        await write;

        Assert.False(doneWhileHeld);
        Assert.Equal(["waited"], await writer.Database.SqlQueryRaw<string>("SELECT Note AS Value FROM Probe").ToListAsync());
    }

    private static async Task<long> ReadBusyTimeoutAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        return await db.Database.SqlQueryRaw<long>("SELECT timeout AS Value FROM pragma_busy_timeout").SingleAsync();
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
