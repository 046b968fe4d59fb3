using System.Diagnostics;

namespace ChatCrm.Load.Measuring;

/// <summary>
/// Starts the bot under test (<c>--start-bot "command"</c>, run by <c>/bin/sh -c</c>) and times start-up: from launch
/// to the first answered request (the first probe answered with 2xx). The run's own process tree is stopped at the end.
/// </summary>
public sealed class BotLauncher : IDisposable
{
    private readonly Process _process;

    private readonly long _launched;

    private BotLauncher(Process process, long launched)
    {
        _process = process;
        _launched = launched;
    }

    public int ProcessId => _process.Id;

    public TimeSpan? StartUp { get; private set; }

    public static BotLauncher Start(string command)
    {
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        // exec: the shell becomes the bot, so the pid sampled for memory is the bot's own.
        start.ArgumentList.Add("exec " + command);
        var launched = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start: {command}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { Length: > 0 } text)
                Console.Error.WriteLine($"[bot] {text}");
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new BotLauncher(process, launched);
    }

    /// <summary>Sends <paramref name="probe"/> until one is answered with 2xx; the time since launch is the start-up.</summary>
    public async Task<bool> WaitUntilAnsweringAsync(Func<Task<bool>> probe, TimeSpan patience, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var deadline = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                if (await probe())
                {
                    StartUp = Stopwatch.GetElapsedTime(_launched);
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(20, cancellationToken);
        }
        return false;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
    }
}
