using Tagwatch.Core.Geo;

namespace Tagwatch.Disclosure.Pdf.Maps;

/// <summary>
/// The XYZ tiles (Web Mercator, 256 pixels, the scheme of OpenStreetMap and Leaflet) covering an area: the zoom
/// whose pixels are at least as fine as the area asks, capped by the source's maximum and by a tile budget.
/// </summary>
/// <param name="Zoom">The zoom level.</param>
/// <param name="MinX">The westmost tile column.</param>
/// <param name="MaxX">The eastmost tile column.</param>
/// <param name="MinY">The northmost tile row.</param>
/// <param name="MaxY">The southmost tile row.</param>
public sealed record TileCover(int Zoom, int MinX, int MaxX, int MinY, int MaxY)
{
    /// <summary>The most tiles one map fetches; a coarser zoom is taken when the area would need more.</summary>
    public const int MaxTiles = 64;

    // Web Mercator's ground resolution at the equator at zoom 0, metres per pixel of a 256-pixel tile.
    private const double EquatorMetresPerPixel = 156_543.033_92;

    /// <summary>How many tiles the cover holds.</summary>
    public int Count => (MaxX - MinX + 1) * (MaxY - MinY + 1);

    /// <summary>The tiles' addresses, row by row from the north-west.</summary>
    public IEnumerable<(int X, int Y)> Tiles()
    {
        for (int y = MinY; y <= MaxY; y++)
        {
            for (int x = MinX; x <= MaxX; x++)
            {
                yield return (x, y);
            }
        }
    }

    /// <summary>The cover of <paramref name="area"/> with tiles no deeper than <paramref name="maxZoom"/>.</summary>
    public static TileCover Of(MapArea area, int maxZoom)
    {
        ArgumentNullException.ThrowIfNull(area);
        double latitude = (area.SouthWest.Latitude + area.NorthEast.Latitude) / 2;
        double wanted = Math.Log2(EquatorMetresPerPixel * Math.Cos(latitude * Math.PI / 180) / Math.Max(area.MetresPerPixel, 0.01));
        int zoom = Math.Clamp((int)Math.Ceiling(wanted), 0, maxZoom);
        while (true)
        {
            var cover = At(area, zoom);
            if (cover.Count <= MaxTiles || zoom == 0)
            {
                return cover;
            }

            zoom--;
        }
    }

    /// <summary>The north-west corner of tile (<paramref name="x"/>, <paramref name="y"/>) at <paramref name="zoom"/>; (x + 1, y + 1) gives its south-east.</summary>
    public static GeoPoint Corner(int zoom, int x, int y)
    {
        double n = Math.Pow(2, zoom);
        double longitude = x / n * 360 - 180;
        double latitude = Math.Atan(Math.Sinh(Math.PI * (1 - 2 * y / n))) * 180 / Math.PI;
        return new GeoPoint(latitude, longitude);
    }

    private static TileCover At(MapArea area, int zoom)
    {
        int last = (1 << zoom) - 1;
        return new TileCover(
            zoom,
            Math.Clamp(Column(area.SouthWest.Longitude, zoom), 0, last),
            Math.Clamp(Column(area.NorthEast.Longitude, zoom), 0, last),
            Math.Clamp(Row(area.NorthEast.Latitude, zoom), 0, last),
            Math.Clamp(Row(area.SouthWest.Latitude, zoom), 0, last));
    }

    private static int Column(double longitude, int zoom) => (int)Math.Floor((longitude + 180) / 360 * (1 << zoom));

    private static int Row(double latitude, int zoom)
    {
        double phi = latitude * Math.PI / 180;
        return (int)Math.Floor((1 - Math.Log(Math.Tan(phi) + 1 / Math.Cos(phi)) / Math.PI) / 2 * (1 << zoom));
    }
}
