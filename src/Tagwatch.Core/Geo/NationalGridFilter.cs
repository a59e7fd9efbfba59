using NetTopologySuite.Geometries;

namespace Tagwatch.Core.Geo;

/// <summary>
/// Moves a geometry's coordinates from WGS84 (x = longitude, y = latitude) to the National Grid (x = easting,
/// y = northing) in place, so NetTopologySuite's distances, buffers and containment work in metres.
/// </summary>
internal sealed class NationalGridFilter : IEntireCoordinateSequenceFilter
{
    public bool Done => false;

    public bool GeometryChanged => true;

    public void Filter(CoordinateSequence seq)
    {
        for (int i = 0; i < seq.Count; i++)
        {
            var grid = NationalGrid.ToGrid(new GeoPoint(seq.GetY(i), seq.GetX(i)));
            seq.SetX(i, grid.Easting);
            seq.SetY(i, grid.Northing);
        }
    }
}
