namespace Tagwatch.Application.Trails;

/// <summary>How a trail is read: a page to look at, or a whole export in a file format.</summary>
public enum TrailFormat
{
    /// <summary>A page of fixes to look at (audited as a view).</summary>
    Json,

    /// <summary>GeoJSON points with properties (audited as an export).</summary>
    GeoJson,

    /// <summary>A GPX 1.1 track (audited as an export).</summary>
    Gpx,

    /// <summary>The fix import format, all columns (audited as an export).</summary>
    Csv,

    /// <summary>KML 2.2 with a time-stamped track (audited as an export).</summary>
    Kml,
}
