using System.CommandLine;
using ChatCrm.Bot.Features.Directory;
using ChatCrm.Bot.Hosting;
using ChatCrm.Domain.Auditing;
using ChatCrm.Domain.Users;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ChatCrm.Bot.Tests.Users;

/// <summary>
/// The <c>users</c> command on the command-line host, before any chat exists: it migrates a fresh database, adds,
/// changes, lists and deactivates users through the directory services, and refuses bad input naming the option
/// with a non-zero exit code and no stack trace.
/// </summary>
public sealed class UsersCommandTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = SqliteTestDatabase.MigratedFile();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Add_FreshDatabase_MigratesAndAddsTheUser()
    {
        var (exitCode, output, error) = await RunAsync("users", "add", "--email", "Ana@Ejemplo.es", "--name", "Ana García", "--role", "Admin",
            "--team", "IT", "--time-zone", "Europe/Madrid", "--language", "es");

        Assert.True(exitCode == 0, error);
        Assert.Equal("Added Ana García (ana@ejemplo.es) as Admin.", output.Trim());
        await using var db = _database.CreateContext();
        var ana = await db.Users.SingleAsync();
        Assert.Equal(("ana@ejemplo.es", UserRole.Admin, "IT", "Europe/Madrid", "es"), (ana.Email, ana.Role, ana.Team, ana.TimeZone, ana.Locale));
        Assert.Equal(AuditAction.DirectoryChanged, (await db.AuditEntries.SingleAsync()).Action);
    }

    [Fact]
    public async Task Add_BadInput_NamesEveryOptionAndExitsTwoWithoutAStackTrace()
    {
        var (exitCode, output, error) = await RunAsync("users", "add", "--email", "ana-at-ejemplo", "--name", "Ana", "--role", "Boss",
            "--manager", "nobody@ejemplo.es", "--time-zone", "Europe/Atlantis");

        Assert.Equal(UsersCommand.Refused, exitCode);
        Assert.Empty(output);
        Assert.StartsWith("users add: refused, nothing was written.", error, StringComparison.Ordinal);
        Assert.Contains("--email: 'ana-at-ejemplo' is not an e-mail address.", error, StringComparison.Ordinal);
        Assert.Contains("--role: 'Boss' is not a role", error, StringComparison.Ordinal);
        Assert.Contains("--manager: no user has the e-mail nobody@ejemplo.es.", error, StringComparison.Ordinal);
        Assert.Contains("--time-zone: 'Europe/Atlantis' is not a time zone", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateListAndDeactivate_ARepWithACustomer_HandsTheCustomerOverAndListsTheStatus()
    {
        await RunAsync("users", "add", "--email", "jefa@ejemplo.es", "--name", "Jefa", "--role", "Manager", "--team", "Iberia");
        await RunAsync("users", "add", "--email", "ana@ejemplo.es", "--name", "Ana", "--role", "SalesRep", "--team", "Iberia");
        await RunAsync("users", "add", "--email", "luis@ejemplo.es", "--name", "Luis", "--role", "SalesRep", "--team", "LatAm");
        Guid customerId;
        await using (var db = _database.CreateContext())
        {
            var customer = new Domain.Customers.Customer(Domain.Customers.CustomerId.New(), "María Núñez", null, Domain.Common.CountryCode.Parse("ES"),
                Domain.Common.LanguageCode.Spanish, TestClock.Now);
            customer.AssignOwner((await db.Users.SingleAsync(u => u.Email == "ana@ejemplo.es")).Id);
            db.Customers.Add(customer);
            await db.SaveChangesAsync();
            customerId = customer.Id.Value;
        }

        var update = await RunAsync("users", "update", "ana@ejemplo.es", "--manager", "jefa@ejemplo.es", "--time-zone", "America/Mexico_City");
        var deactivate = await RunAsync("users", "deactivate", "ana@ejemplo.es", "--hand-over-to", "luis@ejemplo.es");
        var list = await RunAsync("users", "list", "--team", "iberia");

        Assert.True(update.ExitCode == 0, update.Error);
        Assert.True(deactivate.ExitCode == 0, deactivate.Error);
        Assert.Equal("Deactivated Ana (ana@ejemplo.es); 1 customer(s) handed over to Luis (luis@ejemplo.es).", deactivate.Output.Trim());
        var lines = list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(4, lines.Length);
        Assert.Matches(@"^Ana\s+ana@ejemplo\.es\s+SalesRep\s+Iberia\s+jefa@ejemplo\.es\s+America/Mexico_City\s+en\s+deactivated\s+-$", lines[1]);
        Assert.Equal("2 user(s).", lines[^1]);
        await using var reread = _database.CreateContext();
        var luis = await reread.Users.SingleAsync(u => u.Email == "luis@ejemplo.es");
        Assert.Equal(luis.Id, (await reread.Customers.SingleAsync(c => c.Id == new Domain.Customers.CustomerId(customerId))).OwnerId);
    }

    [Fact]
    public async Task Deactivate_WithoutHandOverTo_IsANonZeroParseError()
    {
        var (exitCode, _, _) = await RunAsync("users", "deactivate", "ana@ejemplo.es");

        Assert.NotEqual(0, exitCode);
    }

    [Fact]
    public async Task List_PostgresDatabaseTheAccountMayNotCreate_ExitsThreeNamingTheSetting()
    {
        var role = $"chatcrm_cli_{Guid.NewGuid():N}";
        await ExecuteOnPostgresAsync($"CREATE ROLE \"{role}\" LOGIN NOCREATEDB PASSWORD 'cli-secret'");
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionStringFor($"chatcrm_cli_{Guid.NewGuid():N}"))
            {
                Username = role,
                Password = "cli-secret",
            }.ConnectionString;

            var (exitCode, _, error) = await RunAsync(new Dictionary<string, string?> { ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = connectionString }, "users", "list");

            Assert.Equal(DatabaseSetupException.ExitCode, exitCode);
            Assert.StartsWith("users list: The PostgreSQL database", error, StringComparison.Ordinal);
            Assert.Contains("Database:ConnectionString", error, StringComparison.Ordinal);
            Assert.Single(error.Trim().Split('\n'));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteOnPostgresAsync($"DROP ROLE IF EXISTS \"{role}\"");
        }
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) =>
        RunAsync(new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite", ["Database:ConnectionString"] = _database.ConnectionString }, args);

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(Dictionary<string, string?> settings, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        IHost BuildHost()
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.ClearProviders();
            builder.Services.AddChatCrm(builder.Configuration);
            return builder.Build();
        }
        var root = new RootCommand { UsersCommand.Create(BuildHost, output, error) };
        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    private static async Task ExecuteOnPostgresAsync(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresServer.MaintenanceConnectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
