using ChatCrm.Bot.Cli;
using ChatCrm.Bot.Hosting;
using ChatCrm.Bot.Hosting.KeyRing;
using ChatCrm.Infrastructure.Persistence;

if (CliCommands.IsCommand(args))
    return await CliCommands.RunAsync(args);

WebApplication app;
try
{
    app = ChatCrmWebApp.Build(args);
}
catch (KeyRingSetupException e)
{
    // A key ring certificate that cannot be used: one line naming the setting, no stack trace.
    await Console.Error.WriteLineAsync("ChatCrm cannot start: " + e.Message);
    return KeyRingSetupException.ExitCode;
}
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
