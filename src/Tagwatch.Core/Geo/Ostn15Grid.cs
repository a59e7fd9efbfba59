using System.IO.Compression;
using System.Runtime.CompilerServices;

namespace Tagwatch.Core.Geo;

/// <summary>
/// Ordnance Survey's OSTN15 shift grid: the east and north shifts from the ETRS89 pseudo grid (ETRS89 projected with the
/// National Grid's Transverse Mercator on GRS80) to the OSGB36 National Grid, at the nodes of a 1 km grid, interpolated
/// bilinearly as OS's 'Transformations and OSGM15 user guide' prescribes.
/// </summary>
/// <remarks>
/// The grid covers eastings 0–700 km and northings 0–1,250 km of the pseudo grid (701 × 1,251 nodes); OS gives a shift
/// at every node of that rectangle, offshore included, so <see cref="TryGetShifts"/> answers everywhere inside it.
/// It ships inside the assembly as <c>Geo/Ostn15/ostn15-shifts.zlib</c> (format and provenance in the README beside
/// it), is decoded on first use (about 3.5 MB in memory) and is then read-only: thread-safe.
/// </remarks>
internal sealed class Ostn15Grid
{
    /// <summary>Nodes west to east (0 to 700 km).</summary>
    public const int Columns = 701;

    /// <summary>Nodes south to north (0 to 1,250 km).</summary>
    public const int Rows = 1251;

    /// <summary>Name of the embedded resource.</summary>
    public const string ResourceName = "Tagwatch.Core.ostn15-shifts.zlib";

    // A node's stored value plus the base is its shift in millimetres (the bases are in the source files' names).
    private const double EastBaseMillimetres = 82_140;
    private const double NorthBaseMillimetres = -84_180;
    private const int NodeCount = Columns * Rows;
    private const double NodeSpacingMetres = 1000;

    private static readonly Lazy<Ostn15Grid> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    // East and north value of each node side by side, so the four nodes of a cell share cache lines.
    private readonly ushort[] _nodes;

    private Ostn15Grid(ushort[] nodes) => _nodes = nodes;

    /// <summary>The grid, decoded from the embedded resource on first use.</summary>
    public static Ostn15Grid Instance => Shared.Value;

    /// <summary>The stored value of a node (shift in millimetres minus the base), for checking the decoding.</summary>
    public ushort EastValue(int index) => _nodes[2 * index];

    /// <summary>The stored value of a node (shift in millimetres minus the base), for checking the decoding.</summary>
    public ushort NorthValue(int index) => _nodes[2 * index + 1];

    /// <summary>
    /// The shifts in metres at a point of the ETRS89 pseudo grid, interpolated between the four surrounding nodes;
    /// false when the point lies outside the grid.
    /// </summary>
    public bool TryGetShifts(double easting, double northing, out double eastShiftMetres, out double northShiftMetres)
    {
        // Negated comparisons so NaN falls outside too.
        if (!(easting >= 0 && easting < (Columns - 1) * NodeSpacingMetres && northing >= 0 && northing < (Rows - 1) * NodeSpacingMetres))
        {
            eastShiftMetres = northShiftMetres = 0;
            return false;
        }

        int column = (int)(easting / NodeSpacingMetres), row = (int)(northing / NodeSpacingMetres);
        double t = (easting - column * NodeSpacingMetres) / NodeSpacingMetres;
        double u = (northing - row * NodeSpacingMetres) / NodeSpacingMetres;
        int sw = 2 * (column + row * Columns), nw = sw + 2 * Columns;
        var nodes = _nodes;
        double w0 = (1 - t) * (1 - u), w1 = t * (1 - u), w2 = t * u, w3 = (1 - t) * u;
        double east = w0 * nodes[sw] + w1 * nodes[sw + 2] + w2 * nodes[nw + 2] + w3 * nodes[nw];
        double north = w0 * nodes[sw + 1] + w1 * nodes[sw + 3] + w2 * nodes[nw + 3] + w3 * nodes[nw + 1];
        eastShiftMetres = (east + EastBaseMillimetres) / 1000;
        northShiftMetres = (north + NorthBaseMillimetres) / 1000;
        return true;
    }

    private static Ostn15Grid Load()
    {
        using var resource = typeof(Ostn15Grid).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The OSTN15 grid resource {ResourceName} is missing from {typeof(Ostn15Grid).Assembly.GetName().Name}.");
        using var inflated = new ZLibStream(resource, CompressionMode.Decompress);
        byte[] planes = new byte[4 * NodeCount];
        inflated.ReadExactly(planes);
        if (inflated.ReadByte() != -1)
        {
            throw new InvalidDataException($"The OSTN15 grid resource {ResourceName} is longer than {Columns} × {Rows} nodes.");
        }

        var nodes = new ushort[2 * NodeCount];
        Undelta(planes.AsSpan(0, 2 * NodeCount), nodes, 0);
        Undelta(planes.AsSpan(2 * NodeCount), nodes, 1);
        return new Ostn15Grid(nodes);
    }

    // Each grid is stored as deltas mod 2^16 (a node minus its west neighbour; a row's first node minus the first node
    // of the row below), low bytes then high bytes: see tools/pack-ostn15.py. Run once, so compiled optimised at once.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Undelta(ReadOnlySpan<byte> planes, ushort[] nodes, int component)
    {
        var low = planes[..NodeCount];
        var high = planes[NodeCount..];
        int rowStart = 0;
        for (int row = 0; row < Rows; row++)
        {
            int previous = row == 0 ? 0 : nodes[2 * (rowStart - Columns) + component];
            for (int i = rowStart; i < rowStart + Columns; i++)
            {
                previous = (ushort)(previous + (low[i] | high[i] << 8));
                nodes[2 * i + component] = (ushort)previous;
            }

            rowStart += Columns;
        }
    }
}
