namespace Tagwatch.Application.Fixes;

/// <summary>The file formats a tag's fixes are exported in.</summary>
public enum FixExportFormat
{
    /// <summary>The fix import format, all columns.</summary>
    Csv,

    /// <summary>A GPX 1.1 track.</summary>
    Gpx,

    /// <summary>GeoJSON points with properties.</summary>
    GeoJson,
}
