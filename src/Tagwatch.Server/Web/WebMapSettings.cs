using Microsoft.Extensions.Configuration;

namespace Tagwatch.Server.Web;

/// <summary>
/// The maps' tile source (<c>Tagwatch:Map:Tiles</c>): an XYZ URL template and the attribution its licence requires.
/// Unset, maps draw on a plain background with the borough and ward outlines, which works with no network at all.
/// </summary>
internal sealed class WebMapSettings(IConfiguration configuration)
{
    /// <summary>e.g. <c>https://tile.openstreetmap.org/{z}/{x}/{y}.png</c>, or null for the plain background.</summary>
    public string? TileUrlTemplate { get; } = configuration["Tagwatch:Map:Tiles:TileUrlTemplate"] is { Length: > 0 } t ? t : null;

    public string Attribution { get; } = configuration["Tagwatch:Map:Tiles:Attribution"] ?? "";

    public int MaxZoom { get; } = configuration.GetValue("Tagwatch:Map:Tiles:MaxZoom", 19);

    /// <summary>The tile server's origin, which the Content-Security-Policy lets images come from (null without tiles).</summary>
    public string? TileOrigin => TileUrlTemplate is { } t && Uri.TryCreate(t.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        ? uri.GetLeftPart(UriPartial.Authority)
        : null;
}
