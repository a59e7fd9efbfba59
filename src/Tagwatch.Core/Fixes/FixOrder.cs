namespace Tagwatch.Core.Fixes;

/// <summary>The order a tag's fixes are kept in: by time, then position, so that fixes sharing the dedup key
/// (time and position) are adjacent.</summary>
public sealed class FixOrder : IComparer<Fix>
{
    /// <summary>The one instance.</summary>
    public static readonly FixOrder Instance = new();

    /// <inheritdoc />
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

    /// <summary>True when <paramref name="fixes"/> is already in this order.</summary>
    public static bool IsSorted(ReadOnlySpan<Fix> fixes)
    {
        for (int i = 1; i < fixes.Length; i++)
        {
            if (Instance.Compare(fixes[i - 1], fixes[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }
}
