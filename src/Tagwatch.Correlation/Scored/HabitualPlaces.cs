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
        // Fixes are in time order, so a cell's days arrive in order: counting a day when it differs from the cell's
        // last one counts distinct days without a set per cell.
        var cells = new Dictionary<(long, long), (long LastDay, int Days)>();
        long lastDay = long.MinValue;
        int days = 0;
        foreach (var fix in trail.Fixes)
        {
            // Only fixes that could be evidence of where the person was say where they go.
            if (!ScoredMatcher.IsEvidence(fix, maxAccuracyMetres))
            {
                continue;
            }

            long day = fix.TimeUnixMs / 86_400_000;
            if (day != lastDay)
            {
                days++;
                lastDay = day;
            }

            var cell = CellOf(fix.Latitude, fix.Longitude);
            var seen = cells.GetValueOrDefault(cell, (LastDay: long.MinValue, Days: 0));
            if (seen.LastDay != day)
            {
                cells[cell] = (day, seen.Days + 1);
            }
        }

        int needed = Math.Max(5, (days + 1) / 2);
        return new HabitualPlaces(cells.Where(kv => kv.Value.Days >= needed).Select(kv => kv.Key).ToHashSet());
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
