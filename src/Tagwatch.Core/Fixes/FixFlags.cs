namespace Tagwatch.Core.Fixes;

/// <summary>Quality flags carried by a stored fix. A flag never removes a fix: matching and alerting decide what to trust.</summary>
[Flags]
public enum FixFlags : ushort
{
    /// <summary>No quality concern.</summary>
    None = 0,

    /// <summary>The device marked the position as invalid (no satellite lock).</summary>
    Invalid = 1 << 0,

    /// <summary>The position is exactly 0,0 (a device default, not a real place).</summary>
    ZeroPosition = 1 << 1,

    /// <summary>The fix time is later than the time it was received (beyond clock tolerance).</summary>
    FutureTime = 1 << 2,

    /// <summary>Reaching this fix from the previous one needs an implausible speed.</summary>
    ImplausibleSpeed = 1 << 3,

    /// <summary>The reported accuracy is worse than the configured threshold.</summary>
    LowAccuracy = 1 << 4,

    /// <summary>The fix arrived long after it was taken (buffered upload).</summary>
    Late = 1 << 5,

    /// <summary>The frame carrying the fix failed its checksum but was accepted under the accept-and-flag policy, or
    /// (NMEA logs of receivers that send no checksums) carried none to verify.</summary>
    BadChecksum = 1 << 6,

    /// <summary>The device reported no accuracy and none is stored: the fix had no lock, or was stored without an estimate
    /// (a file without accuracies, or data from before estimates were made; correlation estimates it when it reads it).</summary>
    AccuracyAssumed = 1 << 7,

    /// <summary>The device reported no accuracy; the stored accuracy is Tagwatch's estimate (from HDOP, satellites, fix
    /// validity and the device model), not a measurement. Evidence and disclosure packs say so wherever it is used.</summary>
    AccuracyEstimated = 1 << 8,
}
