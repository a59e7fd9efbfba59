using System.Reflection;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.IO.Converters;
using Tagwatch.Core.Geo;

namespace Tagwatch.Core.Boroughs;

/// <summary>The 33 London local authorities with their boundaries, and lookup of the borough containing a point.</summary>
/// <remarks>
/// Boundaries are the ONS 2013 local-authority outlines (martinjc/UK-GeoJSON, CC BY 4.0; contains OS/ONS data,
/// Crown copyright, OGL v3), quantised upstream to about 60 m: right for assigning a crime or an address to a
/// borough, not for cadastral questions. Lookups use prepared geometries and are thread-safe.
/// </remarks>
public sealed class BoroughMap
{
    private const string ResourceName = "Tagwatch.Core.london-boroughs.geojson";
    private static readonly Lazy<BoroughMap> LondonInstance = new(LoadLondon);
    private static readonly JsonSerializerOptions GeoJsonOptions = new() { Converters = { new GeoJsonConverterFactory() } };

    private readonly (Borough Borough, IPreparedGeometry Shape, Envelope Box)[] _areas;
    private readonly Dictionary<string, Borough> _byCode;

    private BoroughMap(IEnumerable<(Borough Borough, Geometry Shape)> areas)
    {
        _areas = areas.Select(a => (a.Borough, PreparedGeometryFactory.Prepare(a.Shape), a.Shape.EnvelopeInternal)).ToArray();
        _byCode = _areas.ToDictionary(a => a.Borough.Code, a => a.Borough, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The London map, loaded once from the embedded boundaries.</summary>
    public static BoroughMap London => LondonInstance.Value;

    /// <summary>All boroughs, ordered by ONS code.</summary>
    public IReadOnlyList<Borough> All => _areas.Select(a => a.Borough).ToArray();

    /// <summary>The borough containing <paramref name="point"/>, or null outside London.</summary>
    public Borough? Locate(GeoPoint point)
    {
        var coordinate = new Coordinate(point.Longitude, point.Latitude);
        var geometry = GeometryFactory.Default.CreatePoint(coordinate);
        foreach (var (borough, shape, box) in _areas)
        {
            if (box.Contains(coordinate) && shape.Covers(geometry))
            {
                return borough;
            }
        }

        return null;
    }

    /// <summary>Finds a borough by ONS code or by name (case-insensitive), or null.</summary>
    public Borough? Find(string codeOrName)
    {
        if (_byCode.TryGetValue(codeOrName.Trim(), out var byCode))
        {
            return byCode;
        }

        return _areas.Select(a => a.Borough).FirstOrDefault(b => string.Equals(b.Name, codeOrName.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The boundary of a borough in WGS84 (x = longitude, y = latitude).</summary>
    public Geometry Boundary(Borough borough) =>
        _areas.First(a => a.Borough.Code == borough.Code).Shape.Geometry;

    private static BoroughMap LoadLondon()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        var collection = JsonSerializer.Deserialize<FeatureCollection>(stream, GeoJsonOptions)
            ?? throw new InvalidOperationException("Borough boundaries could not be read.");
        return new BoroughMap(collection.Select(f => (
            new Borough((string)f.Attributes["code"], (string)f.Attributes["name"]),
            f.Geometry)));
    }
}
