namespace Tagwatch.Core.Fixes;

/// <summary>How a fix's position was obtained.</summary>
public enum FixSource : byte
{
    /// <summary>Not stated by the device.</summary>
    Unknown = 0,

    /// <summary>Satellite positioning (GPS, GLONASS, Galileo, BeiDou).</summary>
    Gps = 1,

    /// <summary>Mobile network cell location (LBS); accuracy is typically hundreds of metres.</summary>
    Lbs = 2,

    /// <summary>Wi-Fi access-point location.</summary>
    Wifi = 3,
}
