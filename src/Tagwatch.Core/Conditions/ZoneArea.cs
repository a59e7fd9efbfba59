using System.Globalization;
using System.Text.Json;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.Operation.Distance;
using Tagwatch.Core.Geo;

namespace Tagwatch.Core.Conditions;

/// <summary>The area of a zone — a circle or polygon(s) — held on the National Grid so distances are in metres.</summary>
/// <remarks>
/// Entered in WGS84: a centre and radius, or WKT / GeoJSON with longitude before latitude (as both formats define).
/// <see cref="SignedDistanceMetres"/> is negative inside and positive outside: how far a point is from the boundary,
/// which is what accuracy-aware decisions compare with a fix's confidence radius. Immutable and thread-safe.
/// </remarks>
public sealed class ZoneArea
{
    private static readonly GeometryFactory Grid = new(new PrecisionModel(), 27700);
    private static readonly JsonSerializerOptions GeoJsonOptions = new() { Converters = { new GeoJsonConverterFactory() } };

    private readonly GridPoint? _centre;
    private readonly double _radius;
    private readonly Geometry? _polygon;
    private readonly IndexedPointInAreaLocator? _locator;
    private readonly IndexedFacetDistance? _boundary;

    private ZoneArea(string description, GridPoint centre, double radius)
    {
        Description = description;
        _centre = centre;
        _radius = radius;
    }

    private ZoneArea(string description, Geometry polygon)
    {
        Description = description;
        _polygon = polygon;
        _locator = new IndexedPointInAreaLocator(polygon);
        _boundary = new IndexedFacetDistance(polygon.Boundary);
    }

    /// <summary>How the area was given: <c>circle LAT LON RADIUS</c> or the WKT.</summary>
    public string Description { get; }

    /// <summary>A circle of <paramref name="radiusMetres"/> around <paramref name="centre"/>.</summary>
    public static ZoneArea Circle(GeoPoint centre, double radiusMetres)
    {
        if (!double.IsFinite(radiusMetres) || radiusMetres <= 0 || radiusMetres > 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(radiusMetres), radiusMetres, "A zone radius is more than 0 and at most 100 km.");
        }

        return new ZoneArea(string.Create(CultureInfo.InvariantCulture, $"circle {centre.Latitude:0.0000000} {centre.Longitude:0.0000000} {radiusMetres:0.#}"), NationalGrid.ToGrid(centre), radiusMetres);
    }

    /// <summary>Parses WKT (<c>POLYGON((lon lat, …))</c> or <c>MULTIPOLYGON</c>) or a GeoJSON polygon geometry.</summary>
    public static bool TryParse(string text, out ZoneArea? area, out string? error)
    {
        area = null;
        Geometry wgs84;
        try
        {
            string trimmed = text.Trim();
            wgs84 = trimmed.StartsWith('{')
                ? JsonSerializer.Deserialize<Geometry>(trimmed, GeoJsonOptions) ?? throw new JsonException("empty geometry")
                : new WKTReader().Read(trimmed);
        }
#pragma warning disable CA1031 // The readers throw several exception types for malformed text; each becomes the reason.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error = $"not WKT or GeoJSON: {ex.Message}";
            return false;
        }

        if (wgs84 is not (Polygon or MultiPolygon) || wgs84.IsEmpty)
        {
            error = $"a zone must be a POLYGON or MULTIPOLYGON, not {wgs84.GeometryType}";
            return false;
        }

        foreach (var c in wgs84.Coordinates)
        {
            if (!GeoPoint.TryCreate(c.Y, c.X, out _, out string? pointError))
            {
                error = $"vertex {c.X.ToString(CultureInfo.InvariantCulture)} {c.Y.ToString(CultureInfo.InvariantCulture)} (lon lat): {pointError}";
                return false;
            }
        }

        if (!wgs84.IsValid)
        {
            error = "the polygon is not valid (it crosses itself or its rings are malformed)";
            return false;
        }

        var grid = Grid.CreateGeometry(wgs84);
        grid.Apply(new NationalGridFilter());
        grid.GeometryChanged();
        if (grid.Area < 1)
        {
            error = "the polygon has no area";
            return false;
        }

        area = new ZoneArea(new WKTWriter().Write(wgs84), grid);
        error = null;
        return true;
    }

    /// <summary>Rebuilds an area from its <see cref="Description"/> as stored (before any buffer).</summary>
    public static ZoneArea FromDescription(string description) =>
        CircleOf(description) is var (centre, radius) ? Circle(centre, radius)
        : TryParse(description, out var area, out string? error) ? area!
        : throw new FormatException($"stored zone area is unreadable: {error}");

    /// <summary>The centre and radius of a circle's description (<c>circle LAT LON RADIUS</c>, as <see cref="Circle"/>
    /// writes it, before any buffer), or null when the description is not a circle's.</summary>
    public static (GeoPoint Centre, double RadiusMetres)? CircleOf(string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        return description.Split(' ') is ["circle", var lat, var lon, var radius]
            && double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out double latitude)
            && double.TryParse(lon, NumberStyles.Float, CultureInfo.InvariantCulture, out double longitude)
            && double.TryParse(radius, NumberStyles.Float, CultureInfo.InvariantCulture, out double metres)
            && GeoPoint.TryCreate(latitude, longitude, out var centre, out _)
                ? (centre, metres)
                : null;
    }

    /// <summary>The same area grown by <paramref name="metres"/> on every side (a buffer around an exclusion zone).</summary>
    public ZoneArea Grow(double metres)
    {
        if (metres <= 0)
        {
            return this;
        }

        return _centre is { } centre
            ? new ZoneArea($"{Description} + {metres.ToString("0.#", CultureInfo.InvariantCulture)} m", centre, _radius + metres)
            : new ZoneArea($"{Description} + {metres.ToString("0.#", CultureInfo.InvariantCulture)} m", _polygon!.Buffer(metres));
    }

    /// <summary>The area as it was entered and the buffer grown around it, read back from a <see cref="Description"/>
    /// (of a grown area, "<c>… + 50 m</c>" as <see cref="Grow"/> writes it; otherwise a buffer of 0).</summary>
    public static (string Entered, double BufferMetres) EnteredAndBuffer(string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        int plus = description.LastIndexOf(" + ", StringComparison.Ordinal);
        return plus > 0 && description.EndsWith(" m", StringComparison.Ordinal)
            && double.TryParse(description.AsSpan(plus + 3, description.Length - plus - 5), NumberStyles.Float, CultureInfo.InvariantCulture, out double buffer)
            ? (description[..plus], buffer)
            : (description, 0);
    }

    /// <summary>Metres from <paramref name="point"/> to the boundary: negative inside, positive outside.</summary>
    public double SignedDistanceMetres(GeoPoint point)
    {
        var grid = NationalGrid.ToGrid(point);
        if (_centre is { } centre)
        {
            double dx = grid.Easting - centre.Easting, dy = grid.Northing - centre.Northing;
            return Math.Sqrt((dx * dx) + (dy * dy)) - _radius;
        }

        var coordinate = new Coordinate(grid.Easting, grid.Northing);
        double distance = _boundary!.Distance(Grid.CreatePoint(coordinate));
        return _locator!.Locate(coordinate) == Location.Exterior ? distance : -distance;
    }
}
