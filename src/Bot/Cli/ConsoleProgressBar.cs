using System.Diagnostics;
using System.Globalization;
using ChatCrm.Infrastructure.Seeding;
using ChatCrm.Infrastructure.Tiers;

namespace ChatCrm.Bot.Cli;

/// <summary>
/// A one-line progress bar with counts, rate and time left, redrawn at most a few times a second.
/// When the output is not a terminal (CI logs) it prints a plain line every 10% instead.
/// Rate and time left are measured from the start of the current stage, so a job with several stages
/// (a tier recalculation reads, then writes) shows an honest estimate for each.
/// </summary>
public sealed class ConsoleProgressBar(TextWriter output, string unit) : IProgress<SeedProgress>, IProgress<TierProgress>, IDisposable
{
    private const int Width = 30;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private readonly Lock _gate = new();
    private TimeSpan _lastDraw = TimeSpan.MinValue;
    private int _lastDecile = -1;
    private SeedProgress? _last;
    private TimeSpan _stageStarted = TimeSpan.Zero;
    private long _stageStartDone;

    /// <summary>Below this much time in a stage, a rate (and so the time left) would be noise: it is not shown yet.</summary>
    private static readonly TimeSpan MinimumForRate = TimeSpan.FromMilliseconds(500);

    public void Report(TierProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Report(new SeedProgress(value.Stage, value.Done, value.Total));
    }

    public void Report(SeedProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            if (_last is { } previous && previous.Stage != value.Stage)
            {
                if (_interactive)
                    output.WriteLine('\r' + Line(previous));
                _stageStarted = _clock.Elapsed;
                _stageStartDone = value.Done;
                _lastDraw = TimeSpan.MinValue;
                _lastDecile = -1;
            }
            _last = value;
            if (_interactive)
            {
                if (_clock.Elapsed - _lastDraw < TimeSpan.FromMilliseconds(200) && value.Done < value.Total)
                    return;
                _lastDraw = _clock.Elapsed;
                output.Write('\r' + Line(value));
            }
            else
            {
                var decile = value.Total == 0 ? 10 : (int)(value.Done * 10 / value.Total);
                if (decile == _lastDecile)
                    return;
                _lastDecile = decile;
                output.WriteLine(Line(value));
            }
        }
    }

    public void Complete()
    {
        lock (_gate)
        {
            if (_interactive && _last is { } last)
                output.WriteLine('\r' + Line(last with { Done = last.Total }));
        }
    }

    public void Dispose() => output.Flush();

    /// <summary>"[#########.....] 45,000/100,000 customers (45%) · 3,210/s · 00:17 left · inserting interactions"</summary>
    public string Line(SeedProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var fraction = progress.Total <= 0 ? 1d : Math.Clamp((double)progress.Done / progress.Total, 0, 1);
        var filled = (int)Math.Round(fraction * Width);
        var elapsed = _clock.Elapsed - _stageStarted;
        var rate = elapsed >= MinimumForRate ? Math.Max(0, progress.Done - _stageStartDone) / elapsed.TotalSeconds : 0;
        var left = rate > 0 ? TimeSpan.FromSeconds((progress.Total - progress.Done) / rate) : (TimeSpan?)null;
        var culture = CultureInfo.InvariantCulture;
        var shownRate = rate > 0 ? rate.ToString("N0", culture) : "--";
        return string.Create(culture,
            $"[{new string('#', filled)}{new string('.', Width - filled)}] {progress.Done:N0}/{progress.Total:N0} {unit} ({fraction:P0}) · {shownRate}/s · {(left is { } l ? l.ToString(@"hh\:mm\:ss", culture) : "--:--:--")} left · {progress.Stage}   ");
    }
}
