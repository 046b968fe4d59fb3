using System.CommandLine;
using ChatCrm.Bot.Hosting;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.Persistence.Search;
using ChatCrm.Infrastructure.Seeding;
using ChatCrm.Infrastructure.Tiers;

namespace ChatCrm.Bot.Cli;

/// <summary>
/// Command-line jobs run through the same configuration as the bot:
/// <c>dotnet run --project src/Bot -- seed --customers 5000</c>, <c>… -- tiers</c> and <c>… -- migrate</c>.
/// </summary>
public static class CliCommands
{
    /// <summary>
    /// Whether the arguments name a command rather than start the bot. Any bare first word does, so a mistyped command
    /// ("evalute") is answered with the list of commands instead of silently starting the web host; the host's own
    /// arguments are options (<c>--urls …</c>) or settings (<c>Urls=…</c>).
    /// </summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (args[0] is "--help" or "-h" or "-?" || (!args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal)));

    public static async Task<int> RunAsync(string[] args)
    {
        var customers = new Option<int>("--customers") { Description = "How many customers to add.", DefaultValueFactory = _ => 5000 };
        var randomSeed = new Option<int>("--random-seed") { Description = "Seed of the generator: the same seed gives the same data.", DefaultValueFactory = _ => 20261124 };
        var interactions = new Option<double>("--interactions-per-customer")
        {
            Description = "Mean interactions per customer (1 to 100; 10 with 1,000,000 customers gives the 10,000,000 of the benchmarks).",
            DefaultValueFactory = _ => SeedRequest.DefaultInteractionsPerCustomer,
        };
        var seed = new Command("seed", "Add deterministic, realistic demo data (Spanish and English customers, interactions, orders, consents).")
        {
            customers,
            randomSeed,
            interactions,
        };
        seed.SetAction((parse, cancellationToken) =>
            SeedAsync(new SeedRequest(parse.GetValue(customers), parse.GetValue(randomSeed), parse.GetValue(interactions)), cancellationToken));

        var migrate = new Command("migrate", "Bring the configured database to the newest schema.");
        migrate.SetAction((_, cancellationToken) => MigrateAsync(cancellationToken));

        var tiers = new Command("tiers", "Recalculate every customer's value tier (Pareto share of trailing-12-month value), figures and needs segments.");
        tiers.SetAction((_, cancellationToken) => TierCommand.RunAsync(BuildHost, cancellationToken));

        var root = new RootCommand("ChatCrm — the conversational CRM for Teams and Slack. Without a command, runs the bot.")
        {
            seed,
            migrate,
            tiers,
            MeasureResolutionCommand.Create(BuildHost),
            MeasureDigestCommand.Create(BuildHost),
            OfferModelCommands.Train(BuildHost),
            OfferModelCommands.Evaluate(BuildHost),
            ManifestCommand.Create(() => CommandLineHost.CreateBuilder().Configuration),
            Features.Import.ImportCommand.Create(),
            Features.Digests.ChartSampleCommand.Create(),
            Features.Directory.UsersCommand.Create(BuildHost),
            Api.ApiKeys.ApiKeyCommands.Create(BuildHost),
        };
        return await root.Parse(args).InvokeAsync();
    }

    private static async Task<int> SeedAsync(SeedRequest request, CancellationToken cancellationToken)
    {
        if (request.Customers is < 1 or > 10_000_000)
        {
            await Console.Error.WriteLineAsync("--customers must be between 1 and 10,000,000.");
            return 2;
        }
        if (request.InteractionsPerCustomer is < 1.0 or > SeedRequest.MaxInteractionsPerCustomer)
        {
            await Console.Error.WriteLineAsync("--interactions-per-customer must be between 1 and 100.");
            return 2;
        }
        using var host = BuildHost();
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<SearchIndexBackfill>().RunAsync(cancellationToken);

        using var bar = new ConsoleProgressBar(Console.Error, "customers");
        var report = await scope.ServiceProvider.GetRequiredService<DemoSeeder>()
            .SeedAsync(request, bar, cancellationToken);
        bar.Complete();
        Console.WriteLine(
            $"Seeded {report.Customers:N0} customers, {report.Identities:N0} identities, {report.Interactions:N0} interactions, " +
            $"{report.Orders:N0} orders, {report.Consents:N0} consent records, {report.OfferPresentations:N0} answered offers, {report.Users:N0} users and {report.Offers:N0} offers in {report.Elapsed:hh\\:mm\\:ss\\.f}.");

        // New orders change everyone's share of value: the tiers are recalculated at once so the data is complete.
        return await TierCommand.RecalculateAsync(scope.ServiceProvider, cancellationToken);
    }

    private static async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        using var host = BuildHost();
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        using (var bar = new ConsoleProgressBar(Console.Error, "customers"))
        {
            await scope.ServiceProvider.GetRequiredService<SearchIndexBackfill>().RunAsync(bar, cancellationToken);
            bar.Complete();
        }
        Console.WriteLine("The database is at the newest migration.");
        return 0;
    }

    /// <summary>A host with the bot's configuration and services but no web server.</summary>
    private static IHost BuildHost()
    {
        var builder = CommandLineHost.CreateBuilder();
        // The command prints its own progress and summary; only warnings and errors from the services.
        builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(category: null, LogLevel.Warning);
        builder.Services.AddChatCrm(builder.Configuration);
        return builder.Build();
    }
}
