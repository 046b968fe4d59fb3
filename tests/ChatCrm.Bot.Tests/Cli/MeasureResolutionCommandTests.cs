using System.CommandLine;
using ChatCrm.Bot.Cli;
using ChatCrm.Bot.Hosting;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Seeding;
using ChatCrm.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatCrm.Bot.Tests.Cli;

/// <summary>The hidden <c>measure-resolution</c> command on a small seeded SQLite database.</summary>
public sealed class MeasureResolutionCommandTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = SqliteTestDatabase.MigratedFile();

    public async Task InitializeAsync()
    {
        using var host = BuildHost();
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(new SeedRequest(300), progress: null, CancellationToken.None);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Run_SeededDatabase_PrintsLatenciesAndOutcomesAndFindsEveryEmailExactly()
    {
        var output = new StringWriter();
        var root = new RootCommand { MeasureResolutionCommand.Create(BuildHost, output) };

        var exitCode = await root.Parse(["measure-resolution", "--queries", "60"]).InvokeAsync();

        var text = output.ToString();
        Assert.Equal(0, exitCode);
        Assert.Matches(@"^60 queries: median [\d.]+ ms, p95 [\d.]+ ms, p99 [\d.]+ ms, max [\d.]+ ms", text);
        Assert.Contains("exact (another customer): 0", text, StringComparison.Ordinal);
        Assert.Matches(@"\nEmail\s+10\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+exact 10\r?\n", text);
        Assert.Contains("NameWithTypos", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithDetails_WritesEachQuerysOutcomeAndTheIdsOfItsAnswer()
    {
        var details = Path.Combine(Path.GetTempPath(), $"resolution-{Guid.NewGuid():N}.tsv");
        try
        {
            var root = new RootCommand { MeasureResolutionCommand.Create(BuildHost, new StringWriter()) };

            Assert.Equal(0, await root.Parse(["measure-resolution", "--queries", "12", "--details", details]).InvokeAsync());

            var lines = await File.ReadAllLinesAsync(details);
            Assert.Equal(12, lines.Length);
            var email = lines.Select(l => l.Split('\t')).First(f => f[1] == "Email");
            Assert.Equal("exact", email[2]);
            Assert.True(Guid.TryParse(email[3], out _), email[3]);
            Assert.All(lines, l => Assert.Equal(4, l.Split('\t').Length));
        }
        finally
        {
            File.Delete(details);
        }
    }

    [Fact]
    public async Task Create_IsHiddenFromHelp()
    {
        var output = new StringWriter();
        var root = new RootCommand { MeasureResolutionCommand.Create(BuildHost, output) };

        Assert.True(root.Subcommands.Single().Hidden);
        Assert.Equal(2, await root.Parse(["measure-resolution", "--queries", "0"]).InvokeAsync());
    }

    private IHost BuildHost()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = _database.ConnectionString,
        });
        builder.Services.AddChatCrm(builder.Configuration);
        return builder.Build();
    }
}
