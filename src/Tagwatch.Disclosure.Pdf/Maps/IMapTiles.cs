namespace Tagwatch.Disclosure.Pdf.Maps;

/// <summary>Where a map's background comes from: street map tiles covering an area, or the plain background.</summary>
/// <remarks>Implementations never throw for an unreachable or misbehaving source: they answer
/// <see cref="MapBackdrop.Plain"/> with the reason, so a map is always drawn.</remarks>
public interface IMapTiles
{
    /// <summary>The tiles covering <paramref name="area"/> at about its resolution, or the plain background and why.</summary>
    Task<MapBackdrop> GetAsync(MapArea area, CancellationToken cancellationToken);
}
