using NodaTime;
using Tagwatch.Core.Geo;

namespace Tagwatch.Core.Fixes;

/// <summary>One position report of a tag, in the exact resolution the fix store keeps.</summary>
/// <remarks>
/// Values are quantised on creation so that a fix read back from the store equals the one written:
/// time to the millisecond, received time to the second, latitude and longitude to 1e-7 degree (about 1 cm),
/// accuracy, speed and heading to one decimal. Unknown optional values are null.
/// </remarks>
public readonly record struct Fix
{
    /// <summary>Quantisation of latitude and longitude: units per degree.</summary>
    public const double CoordinateScale = 10_000_000;

    /// <summary>Stored sentinel for an unknown accuracy, speed or heading.</summary>
    internal const ushort Unknown = ushort.MaxValue;

    private Fix(long timeUnixMs, long receivedUnixSeconds, int latitudeE7, int longitudeE7, ushort accuracyDm, ushort speedDkmh, ushort headingDdeg, FixSource source, FixFlags flags)
    {
        TimeUnixMs = timeUnixMs;
        ReceivedUnixSeconds = receivedUnixSeconds;
        LatitudeE7 = latitudeE7;
        LongitudeE7 = longitudeE7;
        AccuracyDecimetres = accuracyDm;
        SpeedDecikmh = speedDkmh;
        HeadingDecidegrees = headingDdeg;
        Source = source;
        Flags = flags;
    }

    /// <summary>When the position was taken, in Unix milliseconds (UTC).</summary>
    public long TimeUnixMs { get; }

    /// <summary>When the fix reached the system, in Unix seconds (UTC).</summary>
    public long ReceivedUnixSeconds { get; }

    /// <summary>Latitude in units of 1e-7 degree.</summary>
    public int LatitudeE7 { get; }

    /// <summary>Longitude in units of 1e-7 degree.</summary>
    public int LongitudeE7 { get; }

    /// <summary>Accuracy radius in decimetres, or <see cref="ushort.MaxValue"/> when unknown.</summary>
    public ushort AccuracyDecimetres { get; }

    /// <summary>Speed in 0.1 km/h, or <see cref="ushort.MaxValue"/> when unknown.</summary>
    public ushort SpeedDecikmh { get; }

    /// <summary>Heading in 0.1 degree clockwise from true north, or <see cref="ushort.MaxValue"/> when unknown.</summary>
    public ushort HeadingDecidegrees { get; }

    /// <summary>How the position was obtained.</summary>
    public FixSource Source { get; }

    /// <summary>Quality flags.</summary>
    public FixFlags Flags { get; }

    /// <summary>Fix time as an instant.</summary>
    public Instant Time => Instant.FromUnixTimeMilliseconds(TimeUnixMs);

    /// <summary>Received time as an instant.</summary>
    public Instant Received => Instant.FromUnixTimeSeconds(ReceivedUnixSeconds);

    /// <summary>Latitude in decimal degrees.</summary>
    public double Latitude => LatitudeE7 / CoordinateScale;

    /// <summary>Longitude in decimal degrees.</summary>
    public double Longitude => LongitudeE7 / CoordinateScale;

    /// <summary>The position as a point.</summary>
    public GeoPoint Position => new(Latitude, Longitude);

    /// <summary>Accuracy radius in metres (the radius of the device's confidence circle), when reported.</summary>
    public double? AccuracyMetres => AccuracyDecimetres == Unknown ? null : AccuracyDecimetres / 10.0;

    /// <summary>Speed in km/h, when reported.</summary>
    public double? SpeedKmh => SpeedDecikmh == Unknown ? null : SpeedDecikmh / 10.0;

    /// <summary>Heading in degrees clockwise from true north, when reported.</summary>
    public double? HeadingDegrees => HeadingDecidegrees == Unknown ? null : HeadingDecidegrees / 10.0;

    /// <summary>Builds a fix from decoded values, quantising them to the store's resolution.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside what a fix can hold.</exception>
    public static Fix Create(Instant time, Instant received, GeoPoint position, double? accuracyMetres = null, double? speedKmh = null, double? headingDegrees = null, FixSource source = FixSource.Gps, FixFlags flags = FixFlags.None) =>
        FromStored(
            time.ToUnixTimeMilliseconds(),
            received.ToUnixTimeSeconds(),
            (int)Math.Round(position.Latitude * CoordinateScale),
            (int)Math.Round(position.Longitude * CoordinateScale),
            Quantise(accuracyMetres, 6553.4, nameof(accuracyMetres)),
            Quantise(speedKmh, 6553.4, nameof(speedKmh)),
            Quantise(headingDegrees is { } h ? NormaliseHeading(h) : null, 360, nameof(headingDegrees)),
            source,
            flags);

    /// <summary>Rebuilds a fix from its stored representation (used by the fix store codec).</summary>
    public static Fix FromStored(long timeUnixMs, long receivedUnixSeconds, int latitudeE7, int longitudeE7, ushort accuracyDm, ushort speedDkmh, ushort headingDdeg, FixSource source, FixFlags flags) =>
        new(timeUnixMs, receivedUnixSeconds, latitudeE7, longitudeE7, accuracyDm, speedDkmh, headingDdeg, source, flags);

    /// <summary>The same fix with extra flags set.</summary>
    public Fix WithFlags(FixFlags extra) =>
        new(TimeUnixMs, ReceivedUnixSeconds, LatitudeE7, LongitudeE7, AccuracyDecimetres, SpeedDecikmh, HeadingDecidegrees, Source, Flags | extra);

    /// <summary>The same fix with an estimated accuracy radius (flagged <see cref="FixFlags.AccuracyEstimated"/>, no longer
    /// <see cref="FixFlags.AccuracyAssumed"/>), for a fix whose device reported none.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The estimate is not a number from 0 to 6553.4 metres.</exception>
    public Fix WithEstimatedAccuracy(double accuracyMetres) =>
        new(TimeUnixMs, ReceivedUnixSeconds, LatitudeE7, LongitudeE7, Quantise(accuracyMetres, 6553.4, nameof(accuracyMetres)), SpeedDecikmh, HeadingDecidegrees, Source,
            (Flags & ~FixFlags.AccuracyAssumed) | FixFlags.AccuracyEstimated);

    /// <summary>True when both fixes are the same report: same fix time and same position (the dedup key).</summary>
    public bool IsSameReportAs(in Fix other) =>
        TimeUnixMs == other.TimeUnixMs && LatitudeE7 == other.LatitudeE7 && LongitudeE7 == other.LongitudeE7;

    private static double NormaliseHeading(double heading) => heading >= 360 || heading < 0 ? ((heading % 360) + 360) % 360 : heading;

    private static ushort Quantise(double? value, double max, string name)
    {
        if (value is not { } v)
        {
            return Unknown;
        }

        if (!double.IsFinite(v) || v < 0 || v > max)
        {
            throw new ArgumentOutOfRangeException(name, v, $"Must be a number from 0 to {max}.");
        }

        return (ushort)Math.Min(Math.Round(v * 10), 65534);
    }
}
