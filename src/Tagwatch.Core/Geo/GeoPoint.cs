using System.Globalization;

namespace Tagwatch.Core.Geo;

/// <summary>A position on the WGS84 ellipsoid in decimal degrees.</summary>
/// <remarks>Latitude is in [-90, 90], longitude in [-180, 180]; construction validates both.</remarks>
public readonly record struct GeoPoint
{
    /// <summary>Creates a point, throwing when either coordinate is outside its range or not a number.</summary>
    public GeoPoint(double latitude, double longitude)
    {
        if (!IsValidLatitude(latitude))
        {
            throw new ArgumentOutOfRangeException(nameof(latitude), latitude, "Latitude must be a number from -90 to 90 degrees.");
        }

        if (!IsValidLongitude(longitude))
        {
            throw new ArgumentOutOfRangeException(nameof(longitude), longitude, "Longitude must be a number from -180 to 180 degrees.");
        }

        Latitude = latitude;
        Longitude = longitude;
    }

    /// <summary>Latitude in decimal degrees, north positive.</summary>
    public double Latitude { get; }

    /// <summary>Longitude in decimal degrees, east positive.</summary>
    public double Longitude { get; }

    /// <summary>True when <paramref name="latitude"/> is a finite number in [-90, 90].</summary>
    public static bool IsValidLatitude(double latitude) => double.IsFinite(latitude) && latitude is >= -90 and <= 90;

    /// <summary>True when <paramref name="longitude"/> is a finite number in [-180, 180].</summary>
    public static bool IsValidLongitude(double longitude) => double.IsFinite(longitude) && longitude is >= -180 and <= 180;

    /// <summary>Tries to build a point, returning a reason when either value is out of range.</summary>
    public static bool TryCreate(double latitude, double longitude, out GeoPoint point, out string? error)
    {
        point = default;
        if (!IsValidLatitude(latitude))
        {
            error = string.Create(CultureInfo.InvariantCulture, $"latitude {latitude} is outside -90..90");
            return false;
        }

        if (!IsValidLongitude(longitude))
        {
            error = string.Create(CultureInfo.InvariantCulture, $"longitude {longitude} is outside -180..180");
            return false;
        }

        point = new GeoPoint(latitude, longitude);
        error = null;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Latitude:0.0000000},{Longitude:0.0000000}");
}
