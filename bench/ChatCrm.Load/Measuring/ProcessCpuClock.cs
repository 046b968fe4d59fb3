using System.Globalization;

namespace ChatCrm.Load.Measuring;

/// <summary>
/// A process's CPU time so far (user + system, from <c>/proc/&lt;pid&gt;/stat</c>), read at the start and at the end of
/// the measured window: CPU per turn is steadier than throughput on a machine shared with other work.
/// </summary>
public static class ProcessCpuClock
{
    /// <summary>The kernel's clock ticks per second (USER_HZ), 100 on Linux.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>The CPU time <paramref name="pid"/> has used, or null when the process is gone or not readable.</summary>
    public static TimeSpan? Read(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        return Parse(stat);
    }

    /// <summary>utime and stime are fields 14 and 15; the command name (field 2) may hold spaces, so count after its ')'.</summary>
    public static TimeSpan? Parse(string stat)
    {
        ArgumentNullException.ThrowIfNull(stat);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        if (fields.Length < 13
            || !long.TryParse(fields[11], NumberStyles.None, CultureInfo.InvariantCulture, out var user)
            || !long.TryParse(fields[12], NumberStyles.None, CultureInfo.InvariantCulture, out var system))
            return null;
        return TimeSpan.FromSeconds((user + system) / TicksPerSecond);
    }
}
