using NodaTime;
using Tagwatch.Application.Trails;

namespace Tagwatch.Server.Api;

/// <summary>One fix of a trail page.</summary>
/// <param name="Tag">The tag that reported it.</param>
/// <param name="Time">When the fix was taken.</param>
/// <param name="Latitude">WGS84 latitude.</param>
/// <param name="Longitude">WGS84 longitude.</param>
/// <param name="AccuracyM">Horizontal accuracy in metres, when known.</param>
/// <param name="SpeedKmh">Speed in km/h, when reported.</param>
/// <param name="Heading">Heading in degrees from true north, when reported.</param>
/// <param name="Flags">Quality flags (<c>None</c> when clean), comma-separated.</param>
internal sealed record TrailFixResponse(string Tag, Instant Time, double Latitude, double Longitude, double? AccuracyM, double? SpeedKmh, double? Heading, string Flags)
{
    public static TrailFixResponse Of(TrailFix fix) =>
        new(fix.Tag.Value, fix.Fix.Time, fix.Fix.Latitude, fix.Fix.Longitude, fix.Fix.AccuracyMetres, fix.Fix.SpeedKmh, fix.Fix.HeadingDegrees, fix.Fix.Flags.ToString());
}
