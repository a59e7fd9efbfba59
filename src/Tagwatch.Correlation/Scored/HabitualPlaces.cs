using Tagwatch.Core.Fixes;
using Tagwatch.Correlation.Trails;

namespace Tagwatch.Correlation.Scored;

/// <summary>Places a person goes to on most days: cells of about 150 m visited (by a good fix) on at least half of
/// the days the trail covers (and at least 5 days).</summary>
public sealed class HabitualPlaces
{
    private const double CellDegreesLatitude = 0.00135;   // ≈ 150 m
    private const double CellDegreesLongitude = 0.0022;   // ≈ 150 m at London's latitude
    private readonly HashSet<(long Y, long X)> _cells;

    private HabitualPlaces(HashSet<(long, long)> cells) => _cells = cells;

    /// <summary>No habitual places (a tag with no history).</summary>
    public static HabitualPlaces None { get; } = new([]);

    /// <summary>Finds the habitual places of a trail.</summary>
    public static HabitualPlaces Find(TagTrail trail, double maxAccuracyMetres)
    {
        var daysByCell = new Dictionary<(long, long), HashSet<long>>();
        var days = new HashSet<long>();
        foreach (var fix in trail.Fixes)
        {
            if (fix.AccuracyMetres is not { } accuracy || accuracy > maxAccuracyMetres || fix.Source == FixSource.Lbs)
            {
                continue;
            }

            long day = fix.TimeUnixMs / 86_400_000;
            days.Add(day);
            var cell = CellOf(fix.Latitude, fix.Longitude);
            if (!daysByCell.TryGetValue(cell, out var cellDays))
            {
                daysByCell[cell] = cellDays = [];
            }

            cellDays.Add(day);
        }

        int needed = Math.Max(5, (days.Count + 1) / 2);
        return new HabitualPlaces(daysByCell.Where(kv => kv.Value.Count >= needed).Select(kv => kv.Key).ToHashSet());
    }

    /// <summary>True when the point is in a habitual cell or a neighbouring one (so within about 150–300 m).</summary>
    public bool IsNear(double latitude, double longitude)
    {
        var (y, x) = CellOf(latitude, longitude);
        for (long dy = -1; dy <= 1; dy++)
        {
            for (long dx = -1; dx <= 1; dx++)
            {
                if (_cells.Contains((y + dy, x + dx)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static (long, long) CellOf(double latitude, double longitude) =>
        ((long)Math.Floor(latitude / CellDegreesLatitude), (long)Math.Floor(longitude / CellDegreesLongitude));
}
