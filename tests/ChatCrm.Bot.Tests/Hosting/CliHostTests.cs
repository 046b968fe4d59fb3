using ChatCrm.Bot.Hosting;
using ChatCrm.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatCrm.Bot.Tests.Hosting;

/// <summary>
/// The command-line host (seed, tiers, train, measure-…) has the bot's services without the web server or the inbox
/// worker. In Development the container checks every registration when it is built, as a developer's run does.
/// </summary>
public sealed class CliHostTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = SqliteTestDatabase.TempFile();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public void Build_DevelopmentEnvironmentWithoutTheWorker_EveryServiceResolves()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = _database.ConnectionString,
        });
        builder.Services.AddChatCrm(builder.Configuration);

        using var host = builder.Build();
        using var scope = host.Services.CreateScope();

        Assert.NotNull(scope.ServiceProvider.GetRequiredService<ChatCrm.Bot.Channels.Slack.Inbox.SlackIntake>());
    }

    /// <summary>
    /// A watched content root also reports every write to the SQLite files under it (the default data folder), which
    /// cost an import about a tenth of its CPU: the commands read their settings once.
    /// </summary>
    [Fact]
    public void CreateBuilder_CommandLineHost_ReadsTheSettingsFilesWithoutWatchingThem()
    {
        static List<FileConfigurationSource> SettingsFiles(IConfigurationBuilder configuration) =>
            configuration.Sources.OfType<FileConfigurationSource>().ToList();
        using var commandConfiguration = CommandLineHost.CreateBuilder().Configuration;
        using var serverConfiguration = Host.CreateApplicationBuilder().Configuration; // the default, watching its files

        var command = SettingsFiles(commandConfiguration);
        var server = SettingsFiles(serverConfiguration);

        Assert.Contains("appsettings.json", command.Select(s => s.Path));
        Assert.All(command, s => Assert.False(s.ReloadOnChange, s.Path));
        Assert.All(server, s => Assert.True(s.ReloadOnChange, s.Path));
    }

    [Theory]
    [InlineData(new[] { "seed", "--customers", "10" }, true)]
    [InlineData(new[] { "evalute" }, true)]
    [InlineData(new[] { "--help" }, true)]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--urls", "http://127.0.0.1:3978" }, false)]
    [InlineData(new[] { "Urls=http://127.0.0.1:3978" }, false)]
    public void IsCommand_FirstArgument_DecidesBetweenACommandAndTheBot(string[] args, bool expected) =>
        Assert.Equal(expected, ChatCrm.Bot.Cli.CliCommands.IsCommand(args));

    [Fact]
    public async Task RunAsync_MistypedCommand_FailsInsteadOfStartingTheBot()
    {
        var exitCode = await ChatCrm.Bot.Cli.CliCommands.RunAsync(["evalute"]);

        Assert.NotEqual(0, exitCode);
    }
}
