using Tagwatch.Correlation.Grid;
using Tagwatch.Correlation.Trails;

namespace Tagwatch.Correlation.Scored;

/// <summary>Places a person went to on most days before a crime: cells of about 150 m visited (by a good fix) on at
/// least half of the days with good fixes in the <see cref="LookbackDays"/> UTC days before the crime's day (and on at
/// least 5 of them).</summary>
/// <remarks>
/// The answer depends on the crime's day and on the fixes of the four weeks before it, never on how much trail a run
/// happened to read: a crime checked alone when imported and again in a month's run gets the same answer, so its
/// match is not changed (and sent back to review) by the kind of run. Only the past counts — a place the person
/// started going to after the crime does not explain their presence at it.
/// </remarks>
public sealed class HabitualPlaces
{
    /// <summary>How many days before the crime's day say where the person usually goes.</summary>
    public const int LookbackDays = 28;

    /// <summary>Fewest days a cell must be visited on to be habitual.</summary>
    public const int MinimumDays = 5;

    private const double CellDegreesLatitude = 0.00135;   // ≈ 150 m
    private const double CellDegreesLongitude = 0.0022;   // ≈ 150 m at London's latitude
    private readonly Dictionary<(long Y, long X), List<long>> _cellDays;
    private readonly List<long> _days;

    private HabitualPlaces(Dictionary<(long, long), List<long>> cellDays, List<long> days) => (_cellDays, _days) = (cellDays, days);

    /// <summary>No habitual places (a tag with no history).</summary>
    public static HabitualPlaces None { get; } = new([], []);

    /// <summary>Where the history a crime's habitual places need starts: the first moment of the first lookback day
    /// before the day of <paramref name="crimeFromUnixMs"/>.</summary>
    public static long HistoryStartUnixMs(long crimeFromUnixMs) => (GridCells.DayOf(crimeFromUnixMs) - LookbackDays) * GridCells.DayMs;

    /// <summary>Indexes the days on which a trail's good fixes visited each cell.</summary>
    public static HabitualPlaces Find(TagTrail trail, double maxAccuracyMetres)
    {
        // Fixes are in time order, so days arrive in order: a day is added to a cell when it differs from the cell's
        // last one, giving each cell its distinct days, sorted.
        var cellDays = new Dictionary<(long, long), List<long>>();
        var days = new List<long>();
        foreach (var fix in trail.Fixes)
        {
            // Only fixes that could be evidence of where the person was say where they go.
            if (!ScoredMatcher.IsEvidence(fix, maxAccuracyMetres))
            {
                continue;
            }

            long day = GridCells.DayOf(fix.TimeUnixMs);
            if (days.Count == 0 || days[^1] != day)
            {
                days.Add(day);
            }

            var cell = CellOf(fix.Latitude, fix.Longitude);
            if (!cellDays.TryGetValue(cell, out var visits))
            {
                cellDays[cell] = visits = [];
            }

            if (visits.Count == 0 || visits[^1] != day)
            {
                visits.Add(day);
            }
        }

        return new HabitualPlaces(cellDays, days);
    }

    /// <summary>True when the point was, as of the day of <paramref name="atUnixMs"/>, in a habitual cell or a
    /// neighbouring one (so within about 150–300 m).</summary>
    public bool IsNear(double latitude, double longitude, long atUnixMs)
    {
        long day = GridCells.DayOf(atUnixMs), first = day - LookbackDays;
        int needed = Math.Max(MinimumDays, (CountIn(_days, first, day) + 1) / 2);
        var (y, x) = CellOf(latitude, longitude);
        for (long dy = -1; dy <= 1; dy++)
        {
            for (long dx = -1; dx <= 1; dx++)
            {
                if (_cellDays.TryGetValue((y + dy, x + dx), out var visits) && CountIn(visits, first, day) >= needed)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>How many of the sorted days lie in [from, to).</summary>
    private static int CountIn(List<long> sortedDays, long from, long to) => LowerBound(sortedDays, to) - LowerBound(sortedDays, from);

    private static int LowerBound(List<long> sorted, long value)
    {
        int index = sorted.BinarySearch(value);
        return index >= 0 ? index : ~index;
    }

    private static (long, long) CellOf(double latitude, double longitude) =>
        ((long)Math.Floor(latitude / CellDegreesLatitude), (long)Math.Floor(longitude / CellDegreesLongitude));
}
