using Tagwatch.Core.Identity;

namespace Tagwatch.Core.Fixes;

/// <summary>A tag's fix times and positions only, column by column, in <see cref="FixOrder"/>: what questions of place
/// and time (strict correlation, "who was near") need, at a third of the memory of whole fixes.</summary>
/// <param name="Tag">The tag.</param>
/// <param name="TimesUnixMs">Fix times, ascending.</param>
/// <param name="Latitudes">Latitudes in degrees (exactly the stored 1e-7° values).</param>
/// <param name="Longitudes">Longitudes in degrees.</param>
public sealed record FixPositions(TagId Tag, long[] TimesUnixMs, double[] Latitudes, double[] Longitudes);
