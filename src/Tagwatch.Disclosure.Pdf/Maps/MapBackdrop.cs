namespace Tagwatch.Disclosure.Pdf.Maps;

/// <summary>What a map is drawn on: street map tiles with their attribution, or the plain background and why.</summary>
/// <param name="Tiles">The tiles covering the map; empty for the plain background.</param>
/// <param name="Attribution">The attribution printed on the map with the tiles.</param>
/// <param name="Source">The tile server's name (its host), for the note under the map.</param>
/// <param name="PlainReason">Why the background is plain (null with tiles).</param>
public sealed record MapBackdrop(IReadOnlyList<MapTile> Tiles, string? Attribution, string? Source, string? PlainReason)
{
    /// <summary>Whether the map is drawn on street map tiles.</summary>
    public bool HasTiles => Tiles.Count > 0;

    /// <summary>The plain background, with the reason in words ("no street map source is configured").</summary>
    public static MapBackdrop Plain(string reason) => new([], null, null, reason);

    /// <summary>Street map tiles from <paramref name="source"/>, with the attribution their licence requires.</summary>
    public static MapBackdrop Street(IReadOnlyList<MapTile> tiles, string attribution, string source) => new(tiles, attribution, source, null);

    /// <summary>The reason given when no tile source is configured.</summary>
    public const string NotConfigured = "no street map source is configured";
}
