using System.Collections.Concurrent;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Operation.Union;
using Tagwatch.Core.Boroughs;
using Tagwatch.Core.Geo;

namespace Tagwatch.Core.Access;

/// <summary>
/// The place a borough-scoped account may look at: the union of its boroughs' boundaries widened by
/// <see cref="BufferMetres"/>. <see cref="AccessPolicy"/> asks it whether a searched area or a returned position lies inside.
/// </summary>
/// <remarks>
/// The geometry is built on the National Grid (metres), so the buffer and the radius of a searched circle are true
/// distances. The borough outlines are quantised to about 60 m (see <see cref="BoroughMap"/>); the buffer absorbs that
/// and lets an officer search a crime on a boundary street from either side. Instances are immutable, cached per set of
/// boroughs and thread-safe.
/// </remarks>
public sealed class BoroughScope
{
    /// <summary>How far beyond its boroughs' boundaries a borough-scoped account may search and see positions, in metres.</summary>
    public const double BufferMetres = 250;

    // Generous bounds in degrees for a cheap first test before projecting: 0.01° is over 690 m in both directions in London.
    private const double BoxMarginDegrees = 0.01;

    private static readonly ConcurrentDictionary<string, BoroughScope> Cache = new(StringComparer.Ordinal);

    private readonly Geometry _area;
    private readonly IPreparedGeometry _prepared;
    private readonly Envelope _wgs84Box;

    private BoroughScope(IReadOnlyList<Borough> boroughs, BoroughMap map)
    {
        Boroughs = boroughs;
        if (boroughs.Count == 0)
        {
            _area = GeometryFactory.Default.CreatePolygon();
            _wgs84Box = new Envelope();
        }
        else
        {
            var outlines = boroughs.Select(map.Boundary).ToList();
            _wgs84Box = new Envelope();
            outlines.ForEach(o => _wgs84Box.ExpandToInclude(o.EnvelopeInternal));
            _wgs84Box.ExpandBy(BoxMarginDegrees);
            _area = UnaryUnionOp.Union(outlines.Select(ToGrid).ToList()).Buffer(BufferMetres);
        }

        _prepared = PreparedGeometryFactory.Prepare(_area);
    }

    /// <summary>The boroughs the scope is made of.</summary>
    public IReadOnlyList<Borough> Boroughs { get; }

    /// <summary>The scope of a set of London borough codes (unknown codes add nothing); built once per set.</summary>
    public static BoroughScope Of(IEnumerable<string> boroughCodes)
    {
        var boroughs = boroughCodes.Select(c => BoroughMap.London.Find(c)).OfType<Borough>().DistinctBy(b => b.Code).OrderBy(b => b.Code, StringComparer.Ordinal).ToList();
        return Cache.GetOrAdd(string.Join(',', boroughs.Select(b => b.Code)), _ => new BoroughScope(boroughs, BoroughMap.London));
    }

    /// <summary>Whether <paramref name="point"/> lies within the boroughs or within <see cref="BufferMetres"/> of them.</summary>
    public bool Covers(GeoPoint point) => Project(point) is { } grid && _prepared.Covers(grid);

    /// <summary>Whether the whole circle of <paramref name="radiusMetres"/> around <paramref name="centre"/> lies within the scope.</summary>
    public bool CoversCircle(GeoPoint centre, double radiusMetres) => MaxRadiusMetres(centre) >= radiusMetres;

    /// <summary>The largest radius of a circle around <paramref name="centre"/> that lies within the scope; 0 when the centre is outside.</summary>
    public double MaxRadiusMetres(GeoPoint centre) =>
        Project(centre) is { } grid && _prepared.Covers(grid) ? _area.Boundary.Distance(grid) : 0;

    /// <summary>The boroughs' names, for messages: "Lambeth, Southwark".</summary>
    public override string ToString() => Boroughs.Count == 0 ? "no borough" : string.Join(", ", Boroughs.Select(b => b.Name));

    private Point? Project(GeoPoint point)
    {
        if (!_wgs84Box.Contains(point.Longitude, point.Latitude))
        {
            return null;
        }

        var grid = NationalGrid.ToGrid(point);
        return GeometryFactory.Default.CreatePoint(new Coordinate(grid.Easting, grid.Northing));
    }

    private static Geometry ToGrid(Geometry wgs84)
    {
        var copy = wgs84.Copy();
        copy.Apply(new NationalGridFilter());
        copy.GeometryChanged();
        return copy;
    }
}
