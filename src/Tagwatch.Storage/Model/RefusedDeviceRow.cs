namespace Tagwatch.Storage.Model;

/// <summary>A device that reported without being registered: counted so operators can see and register it.</summary>
public sealed class RefusedDeviceRow
{
    public required string DeviceId { get; set; }

    public required string Protocol { get; set; }

    public long FirstSeenUnixMs { get; set; }

    public long LastSeenUnixMs { get; set; }

    public long Messages { get; set; }

    public string? LastRemote { get; set; }
}
