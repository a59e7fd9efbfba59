namespace Tagwatch.Application.Crimes;

/// <summary>A latitude/longitude box (WGS84 degrees, edges included), as a map's view sends it.</summary>
public sealed record AreaBounds(double South, double West, double North, double East)
{
    /// <summary>Null when the box is well formed, else the field to blame and why.</summary>
    internal (string Field, string Message)? Problem() =>
        South is < -90 or > 90 ? ("south", "latitudes are -90 to 90")
        : North is < -90 or > 90 ? ("north", "latitudes are -90 to 90")
        : West is < -180 or > 180 ? ("west", "longitudes are -180 to 180")
        : East is < -180 or > 180 ? ("east", "longitudes are -180 to 180")
        : North <= South ? ("north", "north is above south")
        : East <= West ? ("east", "east is right of west")
        : null;
}
