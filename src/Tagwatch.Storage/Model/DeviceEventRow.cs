namespace Tagwatch.Storage.Model;

/// <summary>An alarm or device event a tag reported (strap tamper, low battery, SOS…).</summary>
public sealed class DeviceEventRow
{
    public long Id { get; set; }

    public int TagKey { get; set; }

    public long TimeUnixMs { get; set; }

    public long ReceivedUnixMs { get; set; }

    public required string Kind { get; set; }
}
