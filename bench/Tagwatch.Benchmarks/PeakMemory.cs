using System.Globalization;

namespace Tagwatch.Benchmarks;

/// <summary>The process's peak resident memory (Linux <c>VmHWM</c>), reset between the phases of a run so each phase
/// reports its own peak beside the resident size it started from.</summary>
internal static class PeakMemory
{
    private static long _startBytes;

    /// <summary>Returns what the collector can to the system, then starts a new peak from the present resident size
    /// (writing 5 to <c>/proc/self/clear_refs</c>; where that is not possible the peak stays the lifetime peak).</summary>
    public static void Reset()
    {
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not allowed: the figure read is then the lifetime peak.
        }

        _startBytes = Status("VmRSS:") ?? Environment.WorkingSet;
    }

    /// <summary>"peak N MB resident (from M MB)": the peak since the last <see cref="Reset"/> and the size then.</summary>
    public static string Describe()
    {
        long peak = Status("VmHWM:") ?? System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64;
        return string.Create(CultureInfo.InvariantCulture, $"peak {peak / 1e6:N0} MB resident (from {_startBytes / 1e6:N0} MB)");
    }

    /// <summary>A size in bytes from <c>/proc/self/status</c>, or null where there is none.</summary>
    private static long? Status(string field) =>
        File.Exists("/proc/self/status")
            ? File.ReadLines("/proc/self/status").Where(l => l.StartsWith(field, StringComparison.Ordinal))
                .Select(l => long.Parse(l[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024).FirstOrDefault()
            : null;
}
