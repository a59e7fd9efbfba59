namespace Tagwatch.Correlation.Grid;

/// <summary>The fixed cells fixes are filed under: 0.004° of latitude by 0.0064° of longitude (about 445 × 440 m in
/// London), on the 1e-7° integer grid positions are stored on, so a position is its cell plus two 16-bit offsets.</summary>
/// <remarks>Fixed for all data, not fitted to it: cells from different days and different builds line up, and a
/// cell's number is the same in memory and on disk.</remarks>
public static class GridCells
{
    /// <summary>Cell height in 1e-7° of latitude.</summary>
    public const int LatitudeE7 = 40_000;

    /// <summary>Cell width in 1e-7° of longitude.</summary>
    public const int LongitudeE7 = 64_000;

    /// <summary>Milliseconds in a UTC day: grids are one per day.</summary>
    public const long DayMs = 86_400_000;

    /// <summary>Row of a latitude in 1e-7°.</summary>
    public static int Row(long latitudeE7) => (int)FloorDiv(latitudeE7, LatitudeE7);

    /// <summary>Column of a longitude in 1e-7°.</summary>
    public static int Column(long longitudeE7) => (int)FloorDiv(longitudeE7, LongitudeE7);

    /// <summary>The sortable key of a cell: rows in order, and within a row the columns in order (west to east).</summary>
    public static long Key(int row, int column) => ((long)row << 32) + column + 0x8000_0000L;

    /// <summary>The row and column of a key.</summary>
    public static (int Row, int Column) Of(long key) => ((int)(key >> 32), (int)((key & 0xFFFF_FFFFL) - 0x8000_0000L));

    /// <summary>UTC day number (days since the Unix epoch) of a time.</summary>
    public static long DayOf(long unixMs) => FloorDiv(unixMs, DayMs);

    /// <summary>Floor division, right for negative numbers too (west of Greenwich, south of the equator, before 1970).</summary>
    public static long FloorDiv(long value, long divisor)
    {
        long quotient = value / divisor;
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient;
    }
}
