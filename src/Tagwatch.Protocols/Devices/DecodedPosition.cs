using NodaTime;
using Tagwatch.Core.Fixes;

namespace Tagwatch.Protocols.Devices;

/// <summary>One position as a device reported it, before validation and flagging.</summary>
/// <remarks>Units are the product's: degrees (WGS84), metres, km/h, degrees clockwise from true north. Unknown values are null.</remarks>
public sealed record DecodedPosition
{
    /// <summary>When the position was taken (UTC).</summary>
    public required Instant Time { get; init; }

    /// <summary>Latitude in degrees.</summary>
    public required double Latitude { get; init; }

    /// <summary>Longitude in degrees.</summary>
    public required double Longitude { get; init; }

    /// <summary>Whether the device itself marked the fix valid (a GPS lock); an invalid fix is kept but flagged.</summary>
    public bool Valid { get; init; } = true;

    /// <summary>Accuracy radius in metres, when reported or derived from HDOP.</summary>
    public double? AccuracyMetres { get; init; }

    /// <summary>Horizontal dilution of precision, when reported.</summary>
    public double? Hdop { get; init; }

    /// <summary>Speed in km/h.</summary>
    public double? SpeedKmh { get; init; }

    /// <summary>Heading in degrees.</summary>
    public double? HeadingDegrees { get; init; }

    /// <summary>Altitude in metres.</summary>
    public double? AltitudeMetres { get; init; }

    /// <summary>Satellites used, when reported.</summary>
    public int? Satellites { get; init; }

    /// <summary>How the position was obtained.</summary>
    public FixSource Source { get; init; } = FixSource.Gps;

    /// <summary>True when the device sent no time and the received time stands in for it.</summary>
    public bool TimeAssumed { get; init; }
}
