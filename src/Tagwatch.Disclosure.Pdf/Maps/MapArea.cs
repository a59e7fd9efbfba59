using Tagwatch.Core.Geo;

namespace Tagwatch.Disclosure.Pdf.Maps;

/// <summary>The area a map shows, as a WGS84 box, and the ground resolution its tiles should have.</summary>
/// <param name="SouthWest">The box's south-west corner.</param>
/// <param name="NorthEast">The box's north-east corner.</param>
/// <param name="MetresPerPixel">The finest ground resolution the map can show; tiles at or finer than it are chosen, up to the source's maximum zoom.</param>
public sealed record MapArea(GeoPoint SouthWest, GeoPoint NorthEast, double MetresPerPixel);
