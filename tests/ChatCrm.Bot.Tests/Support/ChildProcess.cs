using System.Diagnostics;

namespace ChatCrm.Bot.Tests.Support;

/// <summary>A command run to its end as a child process (as an operator runs it), with everything it wrote kept for the test.</summary>
public static class ChildProcess
{
    /// <returns>The exit code, and standard output followed by standard error.</returns>
    public static async Task<(int ExitCode, string Output)> RunAsync(ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(patience.Token);
        return (process.ExitCode, await output + await errors);
    }
}
