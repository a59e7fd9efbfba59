using Tagwatch.Core.Fixes;
using Tagwatch.Core.Identity;

namespace Tagwatch.Correlation.Trails;

/// <summary>One tag's fixes in time order, held column by column for fast scanning.</summary>
/// <remarks>Immutable once built; safe to share between threads.</remarks>
public sealed class TagTrail
{
    /// <summary>Builds a trail from fixes in any order (they are sorted by time, then position).</summary>
    /// <remarks>An array already in <see cref="FixOrder"/> is used as it is, not copied: the trail takes it over,
    /// and the caller must not change it afterwards.</remarks>
    public TagTrail(TagId tag, IReadOnlyList<Fix> fixes)
    {
        Tag = tag;
        var sorted = fixes as Fix[] ?? [.. fixes];
        if (!FixOrder.IsSorted(sorted))
        {
            sorted = (Fix[])sorted.Clone();
            Array.Sort(sorted, FixOrder.Instance);
        }

        Fixes = sorted;
        Times = new long[sorted.Length];
        Latitudes = new double[sorted.Length];
        Longitudes = new double[sorted.Length];
        for (int i = 0; i < sorted.Length; i++)
        {
            Times[i] = sorted[i].TimeUnixMs;
            Latitudes[i] = sorted[i].Latitude;
            Longitudes[i] = sorted[i].Longitude;
        }

        Buckets = new TimeBuckets(Times, Latitudes, Longitudes);
    }

    /// <summary>Per time bucket: which fixes, and the box they lie in — lets a search skip most of a trail.</summary>
    internal TimeBuckets Buckets { get; }

    /// <summary>The tag.</summary>
    public TagId Tag { get; }

    /// <summary>The fixes, sorted by time.</summary>
    public Fix[] Fixes { get; }

    /// <summary>Fix times (Unix ms), ascending.</summary>
    public long[] Times { get; }

    /// <summary>Latitudes in degrees, by fix.</summary>
    public double[] Latitudes { get; }

    /// <summary>Longitudes in degrees, by fix.</summary>
    public double[] Longitudes { get; }

    /// <summary>Number of fixes.</summary>
    public int Count => Times.Length;

    /// <summary>Index of the first fix at or after <paramref name="unixMs"/> (<see cref="Count"/> when none).</summary>
    public int FirstAtOrAfter(long unixMs)
    {
        int index = Array.BinarySearch(Times, unixMs);
        if (index < 0)
        {
            return ~index;
        }

        while (index > 0 && Times[index - 1] == unixMs)
        {
            index--;
        }

        return index;
    }

    /// <summary>Index just past the last fix at or before <paramref name="unixMs"/>.</summary>
    public int EndAtOrBefore(long unixMs)
    {
        int index = Array.BinarySearch(Times, unixMs);
        if (index < 0)
        {
            return ~index;
        }

        while (index < Times.Length - 1 && Times[index + 1] == unixMs)
        {
            index++;
        }

        return index + 1;
    }
}
