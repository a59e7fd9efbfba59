namespace Tagwatch.Storage.Model;

/// <summary>The latest a tag said about itself.</summary>
public sealed class DeviceContactRow
{
    public int TagKey { get; set; }

    public long LastContactUnixMs { get; set; }

    public long? LastFixUnixMs { get; set; }

    public int? BatteryPercent { get; set; }

    public bool? Charging { get; set; }

    public required string Protocol { get; set; }
}
