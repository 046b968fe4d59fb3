namespace ChatCrm.Bot.Hosting;

/// <summary>
/// The host builder of the command-line commands (<c>import</c>, <c>seed</c>, <c>users</c>…): the bot's configuration
/// and defaults, read once, with its files not watched for changes. A command runs for seconds or minutes and never
/// reloads its settings, while a watch on the content root is recursive: it also reports every write to the SQLite
/// files below it (the default data folder is there), and handling those notifications cost an import of 100,000
/// customers about a tenth of its CPU (docs/performance.md, "Import", sixth round).
/// </summary>
public static class CommandLineHost
{
    /// <summary>The host's own switch (<c>hostBuilder:reloadConfigOnChange</c>); an environment variable may still turn it on.</summary>
    private const string ReloadOnChangeKey = "hostBuilder:reloadConfigOnChange";

    public static HostApplicationBuilder CreateBuilder()
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection([new KeyValuePair<string, string?>(ReloadOnChangeKey, "false")]);
        return Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Configuration = configuration });
    }
}
