using Tagwatch.Core.Fixes;

namespace Tagwatch.Storage.Fixes;

/// <summary>Orders fixes by time, then position, so that fixes sharing the dedup key are adjacent.</summary>
internal sealed class FixOrder : IComparer<Fix>
{
    public static readonly FixOrder Instance = new();

    public int Compare(Fix x, Fix y)
    {
        int byTime = x.TimeUnixMs.CompareTo(y.TimeUnixMs);
        if (byTime != 0)
        {
            return byTime;
        }

        int byLatitude = x.LatitudeE7.CompareTo(y.LatitudeE7);
        return byLatitude != 0 ? byLatitude : x.LongitudeE7.CompareTo(y.LongitudeE7);
    }
}
