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

    /// <summary>Refused messages, counted per <see cref="RefusedDevice.Key"/>.</summary>
    public Dictionary<(string DeviceId, string Protocol, RefusalReason Reason, string Source), RefusedDevice> Refused { get; } = [];

    /// <summary>Most records of refusals the store keeps; beyond it the least recently seen are folded into one.</summary>
    public int MaxRefusalRecords { get; init; } = int.MaxValue;

    /// <summary>The ids of the monitoring entries the store queued for this commit's tags
    /// (<see cref="Monitoring.IPendingMonitoringStore"/>), filled in by the store as it commits.</summary>
    public List<long> MonitoringEntries { get; } = [];

    /// <summary>True when there is nothing to write.</summary>
    public bool IsEmpty => Fixes.Count == 0 && Frames.Count == 0 && Events.Count == 0 && Contacts.Count == 0 && Refused.Count == 0;
}

/// <summary>A message's bytes as received from a tag.</summary>
public sealed record RawFrame(TagId Tag, Instant Received, string Protocol, ReadOnlyMemory<byte> Payload);

/// <summary>An alarm or device event: <c>strap_tamper</c>, <c>case_tamper</c>, <c>low_battery</c>, <c>sos</c>, <c>power_cut</c>…</summary>
public sealed record DeviceEventRecord(TagId Tag, Instant Time, Instant Received, string Kind);

/// <summary>The latest a tag said about itself: when it last spoke, last fixed, and its battery.</summary>
public sealed record DeviceContact(TagId Tag, Instant LastContact, Instant? LastFix, int? BatteryPercent, bool? Charging, string Protocol);

/// <summary>Messages refused, counted per device, protocol and reason.</summary>
/// <param name="DeviceId">The identifier the messages named; empty for a malformed identifier or folded records.</param>
/// <param name="Protocol">The listener's protocol.</param>
/// <param name="FirstSeen">The first refusal counted here.</param>
/// <param name="LastSeen">The latest refusal counted here.</param>
/// <param name="Messages">Messages refused.</param>
/// <param name="LastRemote">The latest sender address.</param>
/// <remarks>Identifiers and details are as the sender wrote them: escape them before printing
/// (<see cref="Core.Text.PrintableText"/>).</remarks>
public sealed record RefusedDevice(string DeviceId, string Protocol, Instant FirstSeen, Instant LastSeen, long Messages, string? LastRemote)
{
    /// <summary>Why they were refused.</summary>
    public RefusalReason Reason { get; init; } = RefusalReason.Unregistered;

    /// <summary>The sender address the count is kept per, for malformed identifiers (otherwise empty).</summary>
    public string Source { get; init; } = "";

    /// <summary>The latest refusal in words.</summary>
    public string? Detail { get; init; }

    /// <summary>What the messages are counted by.</summary>
    public (string DeviceId, string Protocol, RefusalReason Reason, string Source) Key => (DeviceId, Protocol, Reason, Source);
}
