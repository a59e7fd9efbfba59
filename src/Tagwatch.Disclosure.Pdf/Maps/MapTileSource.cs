namespace Tagwatch.Disclosure.Pdf.Maps;

/// <summary>The map tiles a process uses, from its settings: the HTTP source with its cache beside the database, or none.</summary>
public static class MapTileSource
{
    /// <summary>The tiles for <paramref name="options"/> (null or no template: none), cached beside <paramref name="databasePath"/>.</summary>
    /// <exception cref="ArgumentException">The settings are invalid; the message lists every problem (refused at start-up).</exception>
    public static IMapTiles Create(MapTileOptions? options, string databasePath, TimeProvider clock)
    {
        options ??= new MapTileOptions();
        options.ThrowIfInvalid();
        return options.Enabled ? new HttpMapTiles(options, CacheFolder(databasePath), clock) : NoMapTiles.Instance;
    }

    /// <summary>The tile cache: <c>tiles/</c> in the database's folder.</summary>
    public static string CacheFolder(string databasePath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath)) ?? ".", "tiles");
}
