using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ChatCrm.Bot.Tests.ScaleOut;

/// <summary>
/// One real <c>ChatCrm.Bot</c> process (<c>dotnet ChatCrm.Bot.dll</c>), configured only through environment variables
/// as an operator would, listening on a loopback port Kestrel picks. Its output is kept for failure messages; disposing
/// kills it (and anything it started), whatever state the test left it in.
/// </summary>
public sealed partial class BotProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BotProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    /// <summary>"A" or "B": how failure messages name the instance.</summary>
    public string Name { get; }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Everything the process wrote so far, stdout and stderr interleaved as they arrived.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>A client for this instance (the caller disposes it).</summary>
    public HttpClient Client() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Starts the bot with <paramref name="settings"/> as environment variables (<c>Section__Key</c>) and waits until <c>/healthz</c> answers.</summary>
    public static async Task<BotProcess> StartAsync(string name, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var dll = BotAssembly.Locate();
        var start = new ProcessStartInfo(DotnetHost(), [dll.FullName])
        {
            WorkingDirectory = dll.DirectoryName!, // the content root: appsettings.json lives next to the dll
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The test host's own ASP.NET Core or .NET settings must not leak into the bot.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        start.Environment["Urls"] = "http://127.0.0.1:0";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        foreach (var (key, value) in settings)
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var bot = new BotProcess(name, process);
        process.OutputDataReceived += (_, line) => bot.Record(line.Data);
        process.ErrorDataReceived += (_, line) => bot.Record(line.Data);
        process.Exited += (_, _) => bot._listening.TrySetException(new InvalidOperationException($"Instance {name} exited with {process.ExitCode} before listening."));
        if (!process.Start())
            throw new InvalidOperationException($"Could not start instance {name}.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            bot.BaseAddress = await bot._listening.Task.WaitAsync(StartPatience);
            await bot.WaitUntilHealthyAsync();
        }
        catch (Exception failure)
        {
            var output = bot.Output;
            await bot.DisposeAsync();
            throw new InvalidOperationException($"Instance {name} did not become ready: {failure.Message}{Environment.NewLine}{output}", failure);
        }
        return bot;
    }

    /// <summary>SIGKILL, as a crash or an OOM kill would end it: no shutdown, nothing flushed; its output stays readable.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
        catch (InvalidOperationException)
        {
            // It was never started, or is already gone.
        }
        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null)
            return;
        _output.Enqueue(line);
        if (ListeningLine().Match(line) is { Success: true } match)
            _listening.TrySetResult(new Uri(match.Groups["url"].Value.TrimEnd('/') + "/"));
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = Client();
        var deadline = DateTime.UtcNow + StartPatience;
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("healthz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException("/healthz never answered 200.");
            await Task.Delay(100);
        }
    }

    /// <summary>The <c>dotnet</c> that runs these tests (the CLI names itself to its children), else the one on the PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    [GeneratedRegex(@"Now listening on: (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}

/// <summary>Finds the bot's own build output for the configuration and framework these tests were built with.</summary>
public static class BotAssembly
{
    public const string FileName = "ChatCrm.Bot.dll";

    /// <summary>
    /// <c>src/Bot/bin/&lt;configuration&gt;/&lt;framework&gt;/ChatCrm.Bot.dll</c> of this checkout (built before the tests,
    /// as a project reference), else the copy next to the tests, which comes with its runtimeconfig and deps files.
    /// </summary>
    public static FileInfo Locate()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testBin.Name;
        var configuration = testBin.Parent?.Name;
        for (var folder = testBin; folder is not null; folder = folder.Parent)
        {
            if (!File.Exists(Path.Combine(folder.FullName, "ChatCrm.sln")) || configuration is null)
                continue;
            var built = new FileInfo(Path.Combine(folder.FullName, "src", "Bot", "bin", configuration, framework, FileName));
            if (built.Exists && File.Exists(Path.ChangeExtension(built.FullName, ".runtimeconfig.json")))
                return built;
            break;
        }
        var copied = new FileInfo(Path.Combine(testBin.FullName, FileName));
        return copied.Exists && File.Exists(Path.ChangeExtension(copied.FullName, ".runtimeconfig.json"))
            ? copied
            : throw new FileNotFoundException($"No built {FileName} (with its runtimeconfig) under src/Bot/bin/{configuration}/{framework} or next to the tests.");
    }
}
