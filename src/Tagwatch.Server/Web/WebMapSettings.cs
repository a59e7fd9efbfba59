using Tagwatch.Disclosure.Pdf.Maps;

namespace Tagwatch.Server.Web;

/// <summary>
/// The pages' maps use the same tile source as the disclosure pack (<see cref="MapTileOptions"/>,
/// <c>Tagwatch:Map:Tiles</c>, validated at start). Unset, maps draw on a plain background with the borough and ward
/// outlines, which works with no network at all.
/// </summary>
internal sealed class WebMapSettings(MapTileOptions tiles)
{
    /// <summary>e.g. <c>https://tile.openstreetmap.org/{z}/{x}/{y}.png</c>, or null for the plain background.</summary>
    public string? TileUrlTemplate { get; } = tiles.Enabled ? tiles.TileUrlTemplate : null;

    public string Attribution { get; } = tiles.Attribution ?? "";

    public int MaxZoom { get; } = tiles.MaxZoom;

    /// <summary>The tile server's origin, which the Content-Security-Policy lets images come from (null without tiles).</summary>
    public string? TileOrigin => TileUrlTemplate is { } t && Uri.TryCreate(t.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        ? uri.GetLeftPart(UriPartial.Authority)
        : null;
}
