using ChatCrm.Bot.Cli;
using ChatCrm.Bot.Hosting;
using ChatCrm.Infrastructure.Persistence;

if (CliCommands.IsCommand(args))
    return await CliCommands.RunAsync(args);

var app = ChatCrmWebApp.Build(args);
try
{
    await app.RunAsync();
}
catch (DatabaseSetupException)
{
    // Already logged by the host as its one line (the database to create, or the setting to fix): no stack trace.
    return DatabaseSetupException.ExitCode;
}
return 0;

/// <summary>The entry point, visible to the HTTP tests' WebApplicationFactory.</summary>
public partial class Program;
