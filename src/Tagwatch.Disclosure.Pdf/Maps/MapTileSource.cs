namespace Tagwatch.Disclosure.Pdf.Maps;

/// <summary>The map tiles a process uses, from its settings: the HTTP source with its cache in the node's folder, or none.</summary>
public static class MapTileSource
{
    /// <summary>The tiles for <paramref name="options"/> (null or no template: none), cached in <paramref name="localFolder"/>
    /// (the folder of a SQLite database, or a PostgreSQL node's own folder).</summary>
    /// <exception cref="ArgumentException">The settings are invalid; the message lists every problem (refused at start-up).</exception>
    public static IMapTiles Create(MapTileOptions? options, string localFolder, TimeProvider clock)
    {
        options ??= new MapTileOptions();
        options.ThrowIfInvalid();
        return options.Enabled ? new HttpMapTiles(options, CacheFolder(localFolder), clock) : NoMapTiles.Instance;
    }

    /// <summary>The tile cache: <c>tiles/</c> in <paramref name="localFolder"/>.</summary>
    public static string CacheFolder(string localFolder) => Path.Combine(Path.GetFullPath(localFolder), "tiles");
}
