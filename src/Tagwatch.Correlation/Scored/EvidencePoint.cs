namespace Tagwatch.Correlation.Scored;

/// <summary>A position that supports (or bounds) a match: a stored fix, or the closest point of the path between two fixes.</summary>
/// <param name="TimeUnixMs">When.</param>
/// <param name="Latitude">WGS84 latitude.</param>
/// <param name="Longitude">WGS84 longitude.</param>
/// <param name="AccuracyMetres">Confidence radius (for an interpolated point, the larger of its two fixes').</param>
/// <param name="SpeedKmh">Reported speed, when any.</param>
/// <param name="HeadingDegrees">Reported heading, when any.</param>
/// <param name="DistanceMetres">Ellipsoidal distance to the crime point.</param>
/// <param name="MarginMetres">Distance minus (buffer + crime precision + accuracy): negative means the confidence circle touches the buffer.</param>
/// <param name="Interpolated">True for a point between two fixes.</param>
/// <param name="AccuracyEstimated">True when the accuracy is Tagwatch's estimate, not the device's report (for an
/// interpolated point, when either fix's is).</param>
public sealed record EvidencePoint(long TimeUnixMs, double Latitude, double Longitude, double? AccuracyMetres, double? SpeedKmh, double? HeadingDegrees, double DistanceMetres, double MarginMetres, bool Interpolated, bool AccuracyEstimated = false);
