namespace Tagwatch.Disclosure.Pdf.Maps;

/// <summary>No tile source configured: every map is drawn on the plain background.</summary>
public sealed class NoMapTiles : IMapTiles
{
    /// <summary>The one instance.</summary>
    public static NoMapTiles Instance { get; } = new();

    public Task<MapBackdrop> GetAsync(MapArea area, CancellationToken cancellationToken) => Task.FromResult(MapBackdrop.Plain(MapBackdrop.NotConfigured));
}
