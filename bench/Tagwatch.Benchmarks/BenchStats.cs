namespace Tagwatch.Benchmarks;

/// <summary>Summaries of measured latencies.</summary>
internal static class BenchStats
{
    /// <summary>The nearest-rank percentile <paramref name="p"/> (0–1) of <paramref name="values"/>; NaN when empty.</summary>
    public static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
