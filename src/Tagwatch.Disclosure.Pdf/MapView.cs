using Tagwatch.Application.Disclosure;
using Tagwatch.Core.Geo;
using Tagwatch.Disclosure.Pdf.Maps;

namespace Tagwatch.Disclosure.Pdf;

/// <summary>The ground the evidence map covers: a square on the National Grid centred on the crime,
/// <paramref name="ReachMetres"/> each way, drawn <see cref="SidePoints"/> points wide.</summary>
internal sealed record MapView(GridPoint Centre, double ReachMetres)
{
    /// <summary>The map's side on the page, in points.</summary>
    public const double SidePoints = 330;

    // Tile pixels per point of the page: about 144 dpi, sharp in print and on screen without fetching needless tiles.
    private const double PixelsPerPoint = 2;

    /// <summary>The view of a pack: the buffer, the stated precision and every evidence point in sight, within the vicinity searched.</summary>
    public static MapView Of(DisclosurePack pack, PackGridPositions grid)
    {
        var centre = grid.Crime.Grid;
        double reach = new[] { pack.BufferMetres * 1.6, pack.Crime.LocationPrecisionMetres * 1.3, 150 }
            .Concat(grid.Evidence.Select(e => Distance(e, centre) * 1.15))
            .Max();
        return new MapView(centre, Math.Min(reach, DisclosurePackBuilder.VicinityMetres));
    }

    /// <summary>The WGS84 box around the square (the grid's convergence turns it a little against the meridians) and the
    /// resolution its tiles should have.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The square lies outside the National Grid.</exception>
    public MapArea Area()
    {
        var corners = new[] { (-1, -1), (-1, 1), (1, -1), (1, 1) }
            .Select(c => NationalGrid.ToWgs84(new GridPoint(Centre.Easting + c.Item1 * ReachMetres, Centre.Northing + c.Item2 * ReachMetres)))
            .ToList();
        return new MapArea(
            new GeoPoint(corners.Min(c => c.Latitude), corners.Min(c => c.Longitude)),
            new GeoPoint(corners.Max(c => c.Latitude), corners.Max(c => c.Longitude)),
            2 * ReachMetres / SidePoints / PixelsPerPoint);
    }

    private static double Distance(GridPoint a, GridPoint b) => Math.Sqrt(Math.Pow(a.Easting - b.Easting, 2) + Math.Pow(a.Northing - b.Northing, 2));
}
