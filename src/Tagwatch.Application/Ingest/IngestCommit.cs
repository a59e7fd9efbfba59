using NodaTime;
using Tagwatch.Core.Fixes;
using Tagwatch.Core.Identity;

namespace Tagwatch.Application.Ingest;

/// <summary>Everything one group commit writes, in one transaction.</summary>
public sealed class IngestCommit
{
    /// <summary>Fixes per registered tag.</summary>
    public Dictionary<TagId, List<Fix>> Fixes { get; } = [];

    /// <summary>Raw frames of registered tags, as received.</summary>
    public List<RawFrame> Frames { get; } = [];

    /// <summary>Alarms and device events of registered tags.</summary>
    public List<DeviceEventRecord> Events { get; } = [];

    /// <summary>The latest contact of each registered tag in this commit.</summary>
    public Dictionary<TagId, DeviceContact> Contacts { get; } = [];

    /// <summary>Messages from devices that are not registered, per device ID.</summary>
    public Dictionary<string, RefusedDevice> Refused { get; } = [];

    /// <summary>True when there is nothing to write.</summary>
    public bool IsEmpty => Fixes.Count == 0 && Frames.Count == 0 && Events.Count == 0 && Contacts.Count == 0 && Refused.Count == 0;
}

/// <summary>A message's bytes as received from a tag.</summary>
public sealed record RawFrame(TagId Tag, Instant Received, string Protocol, ReadOnlyMemory<byte> Payload);

/// <summary>An alarm or device event: <c>strap_tamper</c>, <c>case_tamper</c>, <c>low_battery</c>, <c>sos</c>, <c>power_cut</c>…</summary>
public sealed record DeviceEventRecord(TagId Tag, Instant Time, Instant Received, string Kind);

/// <summary>The latest a tag said about itself: when it last spoke, last fixed, and its battery.</summary>
public sealed record DeviceContact(TagId Tag, Instant LastContact, Instant? LastFix, int? BatteryPercent, bool? Charging, string Protocol);

/// <summary>Messages refused because their device is not registered.</summary>
public sealed record RefusedDevice(string DeviceId, string Protocol, Instant FirstSeen, Instant LastSeen, long Messages, string? LastRemote);
