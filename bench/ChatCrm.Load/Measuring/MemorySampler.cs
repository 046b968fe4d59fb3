using System.Globalization;

namespace ChatCrm.Load.Measuring;

/// <summary>
/// Samples a process's resident memory from <c>/proc/&lt;pid&gt;/status</c> every 100 ms during a run: the highest
/// VmRSS seen, and the kernel's own high-water mark VmHWM (which also catches peaks between samples).
/// </summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public MemorySampler(int pid)
    {
        _pid = pid;
        _loop = Task.Run(LoopAsync);
    }

    public long PeakRssKb { get; private set; }

    public long HighWaterMarkKb { get; private set; }

    public int Samples { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Sample();
            try
            {
                await Task.Delay(100, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        Sample();
    }

    private void Sample()
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines($"/proc/{_pid.ToString(CultureInfo.InvariantCulture)}/status");
        }
        catch (IOException)
        {
            return; // the process ended
        }
        catch (UnauthorizedAccessException)
        {
            return;
        }
        foreach (var line in lines)
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                PeakRssKb = Math.Max(PeakRssKb, Kilobytes(line));
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                HighWaterMarkKb = Math.Max(HighWaterMarkKb, Kilobytes(line));
        }
        Samples++;
    }

    /// <summary>"VmRSS:	  123456 kB" → 123456.</summary>
    public static long Kilobytes(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb : 0;
    }
}
