using ChatCrm.Bot.Cli;
using ChatCrm.Bot.Hosting;

if (CliCommands.IsCommand(args))
    return await CliCommands.RunAsync(args);

var app = ChatCrmWebApp.Build(args);
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the HTTP tests' WebApplicationFactory.</summary>
public partial class Program;
