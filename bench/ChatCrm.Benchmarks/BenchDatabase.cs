using ChatCrm.Bot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatCrm.Benchmarks;

/// <summary>
/// The database the database benchmarks read, seeded beforehand by the bot's own <c>seed</c> command and named by
/// <see cref="Variable"/>: a SQLite file path (<c>/data/bench/chatcrm.db</c>) or a PostgreSQL connection string
/// (<c>Host=127.0.0.1;Database=chatcrm;Username=…;Password=…</c>). The benchmarks build the bot's real services
/// against it (no web server, no migration on start), so they measure the code a chat turn runs.
/// </summary>
public static class BenchDatabase
{
    public const string Variable = "CHATCRM_BENCH_DB";

    public static IHost BuildHost()
    {
        var target = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(target))
        {
            throw new InvalidOperationException(
                $"Set {Variable} to the seeded database: a SQLite file path or a PostgreSQL connection string (Host=…). " +
                "Seed it first with: dotnet run -c Release --project src/Bot -- seed --customers 1000000 --interactions-per-customer 10");
        }
        var postgres = target.Contains('=', StringComparison.Ordinal);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = postgres ? "Postgres" : "Sqlite",
            ["Database:ConnectionString"] = postgres ? target : $"Data Source={target};Foreign Keys=True;Pooling=True",
            ["Database:MigrateOnStartup"] = "false",
        });
        builder.Logging.ClearProviders();
        builder.Services.AddChatCrm(builder.Configuration);
        return builder.Build();
    }
}
