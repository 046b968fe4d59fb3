using System.CommandLine;
using ChatCrm.Infrastructure.Persistence;
using ChatCrm.Infrastructure.UserDirectory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.Directory;

/// <summary>
/// <c>users add|update|list|deactivate</c>: the directory from the server's command line, before any chat exists. The
/// database is migrated first, so it works on a fresh installation. Every change goes through the directory services
/// (the same rules and audit as chat and the API); a refusal names each option at fault and writes nothing.
/// Exit codes: 0 done, 2 refused (bad input or a rule), 3 the database or the configuration is not usable.
/// </summary>
public static class UsersCommand
{
    public const int Refused = 2;

    public static Command Create(Func<IHost> buildHost, TextWriter? output = null, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(buildHost);
        var io = new UsersConsole(output ?? Console.Out, error ?? Console.Error);
        return new Command("users", "Add, change, list and deactivate ChatCrm users (works before any chat exists).")
        {
            Add(buildHost, io),
            Update(buildHost, io),
            List(buildHost, io),
            Deactivate(buildHost, io),
        };
    }

    private static Command Add(Func<IHost> buildHost, UsersConsole io)
    {
        var email = new Option<string>("--email") { Description = "Their work e-mail (links their Slack account on first message).", Required = true };
        var name = new Option<string>("--name") { Description = "Their name as colleagues know it.", Required = true };
        var role = new Option<string>("--role") { Description = $"One of {UserInput.RoleNames}.", Required = true };
        var fields = new ProfileOptions();
        var command = new Command("add", "Add a user to the directory.") { email, name, role };
        fields.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(buildHost, io, "users add", async (services, ct) =>
        {
            var result = await services.GetRequiredService<UserEnrolment>().AddAsync(
                new NewUser(parse.GetValue(email), parse.GetValue(name), parse.GetValue(role), parse.GetValue(fields.Team), parse.GetValue(fields.Manager),
                    parse.GetValue(fields.TimeZone), parse.GetValue(fields.Language)),
                DirectoryActor.CommandLine, ct);
            return await io.ReportAsync("users add", result, user => $"Added {user.DisplayName} ({user.Email}) as {user.Role}.", OptionFor);
        }, cancellationToken));
        return command;
    }

    private static Command Update(Func<IHost> buildHost, UsersConsole io)
    {
        var email = new Argument<string>("email") { Description = "The work e-mail of the user to change." };
        var newEmail = new Option<string?>("--new-email") { Description = "A new work e-mail." };
        var name = new Option<string?>("--name") { Description = "A new name." };
        var role = new Option<string?>("--role") { Description = $"A new role: one of {UserInput.RoleNames}." };
        var reactivate = new Option<bool>("--reactivate") { Description = "Let a deactivated user use ChatCrm again." };
        var fields = new ProfileOptions();
        var command = new Command("update", "Change a user; only the options given change (an empty --team or --manager clears it).")
        {
            email, newEmail, name, role, reactivate,
        };
        fields.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(buildHost, io, "users update", async (services, ct) =>
        {
            var changes = new UserChanges(parse.GetValue(newEmail), parse.GetValue(name), parse.GetValue(role), parse.GetValue(fields.Team),
                parse.GetValue(fields.Manager), parse.GetValue(fields.TimeZone), parse.GetValue(fields.Language), parse.GetValue(reactivate));
            var result = await services.GetRequiredService<UserUpdate>().UpdateAsync(parse.GetValue(email), changes, DirectoryActor.CommandLine, ct);
            return await io.ReportAsync("users update", result, user => $"Updated {user.DisplayName} ({user.Email}).",
                field => field == "email" ? "<email>" : OptionFor(field));
        }, cancellationToken));
        return command;
    }

    private static Command List(Func<IHost> buildHost, UsersConsole io)
    {
        var team = new Option<string?>("--team") { Description = "Only this team's members." };
        var command = new Command("list", "List the directory (or one team), by team and name.") { team };
        command.SetAction((parse, cancellationToken) => RunAsync(buildHost, io, "users list", async (services, ct) =>
        {
            var entries = await services.GetRequiredService<UserDirectoryReader>().ListAsync(parse.GetValue(team), ct);
            await io.ListAsync(entries);
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command Deactivate(Func<IHost> buildHost, UsersConsole io)
    {
        var email = new Argument<string>("email") { Description = "The work e-mail of the user who leaves." };
        var handOverTo = new Option<string>("--hand-over-to")
        {
            Description = "The work e-mail of the colleague who takes over their customers (in the same step).",
            Required = true,
        };
        var command = new Command("deactivate", "Deactivate a user: the bot refuses them, and their customers go to a colleague.") { email, handOverTo };
        command.SetAction((parse, cancellationToken) => RunAsync(buildHost, io, "users deactivate", async (services, ct) =>
        {
            var result = await services.GetRequiredService<UserDeactivation>().DeactivateAsync(parse.GetValue(email), parse.GetValue(handOverTo),
                DirectoryActor.CommandLine, ct);
            return await io.ReportAsync("users deactivate", result,
                report => $"Deactivated {report.User.DisplayName} ({report.User.Email}); {report.CustomersHandedOver:N0} customer(s) handed over to {report.HandedOverTo.DisplayName} ({report.HandedOverTo.Email}).",
                field => field == "email" ? "<email>" : OptionFor(field));
        }, cancellationToken));
        return command;
    }

    /// <summary>The option a service's field is typed in.</summary>
    private static string OptionFor(string field) => field switch
    {
        "newEmail" => "--new-email",
        "timeZone" => "--time-zone",
        "handOverTo" => "--hand-over-to",
        _ => "--" + field,
    };

    /// <summary>Builds the host, brings the database to the newest schema and runs the job; set-up failures become one line.</summary>
    private static async Task<int> RunAsync(Func<IHost> buildHost, UsersConsole io, string what, Func<IServiceProvider, CancellationToken, Task<int>> job,
        CancellationToken cancellationToken)
    {
        try
        {
            using var host = buildHost();
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            return await job(scope.ServiceProvider, cancellationToken);
        }
        catch (DatabaseSetupException problem)
        {
            await io.Error.WriteLineAsync($"{what}: {problem.Message}");
            return DatabaseSetupException.ExitCode;
        }
        catch (OptionsValidationException problem)
        {
            await io.Error.WriteLineAsync($"{what}: the configuration is not valid: {string.Join(" ", problem.Failures)}");
            return DatabaseSetupException.ExitCode;
        }
        catch (DbUpdateException)
        {
            await io.Error.WriteLineAsync($"{what}: someone changed the same users at the same moment; nothing was written. Run the command again.");
            return Refused;
        }
    }

    /// <summary>The options <c>add</c> and <c>update</c> share.</summary>
    private sealed class ProfileOptions
    {
        public Option<string?> Team { get; } = new("--team") { Description = "Their team (need-to-know shows a rep their team's customers)." };

        public Option<string?> Manager { get; } = new("--manager") { Description = "Their manager's work e-mail (digests, need-to-know)." };

        public Option<string?> TimeZone { get; } = new("--time-zone") { Description = "Their IANA time zone, e.g. Europe/Madrid (default UTC)." };

        public Option<string?> Language { get; } = new("--language") { Description = "Their language, e.g. es or en (default en)." };

        public void AddTo(Command command)
        {
            command.Options.Add(Team);
            command.Options.Add(Manager);
            command.Options.Add(TimeZone);
            command.Options.Add(Language);
        }
    }
}
