using NodaTime;
using Tagwatch.Application.Monitoring;

namespace Tagwatch.Server.Api;

/// <summary>Where a worn tag last was, and when it was last heard.</summary>
/// <param name="Tag">The tag.</param>
/// <param name="Offender">Its wearer's reference.</param>
/// <param name="Time">When its latest fix of the last 12 hours was taken; null when it has none.</param>
/// <param name="Latitude">That fix's WGS84 latitude.</param>
/// <param name="Longitude">That fix's WGS84 longitude.</param>
/// <param name="AccuracyM">That fix's horizontal accuracy in metres, when known.</param>
/// <param name="LastContact">When the tag last reported anything; null when never.</param>
/// <param name="BatteryPercent">Its battery at that report, when it says.</param>
internal sealed record LivePositionResponse(
    string Tag, string? Offender, Instant? Time, double? Latitude, double? Longitude, double? AccuracyM, Instant? LastContact, int? BatteryPercent)
{
    public static LivePositionResponse Of(LivePosition p) =>
        new(p.Tag.Value, p.Offender?.ToString(), p.Last?.Time, p.Last?.Latitude, p.Last?.Longitude, p.Last?.AccuracyMetres, p.LastContact, p.BatteryPercent);
}
