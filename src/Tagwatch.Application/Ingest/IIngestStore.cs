using Tagwatch.Application.Fixes;
using Tagwatch.Core.Identity;

namespace Tagwatch.Application.Ingest;

/// <summary>Durable storage of live device traffic: fixes, raw frames, events, contact and refusals in one commit.</summary>
public interface IIngestStore
{
    /// <summary>Writes everything in <paramref name="commit"/> in one durable transaction: all of it or none.</summary>
    Task<FixAppendResult> CommitAsync(IngestCommit commit, CancellationToken cancellationToken = default);

    /// <summary>Devices refused because they are not registered, most recent first.</summary>
    Task<IReadOnlyList<RefusedDevice>> RefusedDevicesAsync(CancellationToken cancellationToken = default);

    /// <summary>The latest contact of every tag that has reported.</summary>
    Task<IReadOnlyList<DeviceContact>> ContactsAsync(CancellationToken cancellationToken = default);

    /// <summary>Tags silent since <paramref name="contactBefore"/>, or without a fix since <paramref name="fixBefore"/>:
    /// the few a silence check needs, however many tags report.</summary>
    Task<IReadOnlyList<DeviceContact>> StaleContactsAsync(NodaTime.Instant contactBefore, NodaTime.Instant fixBefore, CancellationToken cancellationToken = default);

    /// <summary>Alarms and device events of one tag with event time in [from, to], oldest first.</summary>
    Task<IReadOnlyList<DeviceEventRecord>> EventsAsync(TagId tag, NodaTime.Instant from, NodaTime.Instant to, CancellationToken cancellationToken = default);

    /// <summary>Packs the raw frames of every tag-day that ended before <paramref name="before"/> into compressed
    /// blocks, a few tag-days per transaction so ingest is never held up; returns how many frames were packed.</summary>
    Task<long> CompactFramesAsync(NodaTime.Instant before, CancellationToken cancellationToken = default);

    /// <summary>Raw frames of one tag received in [from, to], oldest first.</summary>
    Task<IReadOnlyList<RawFrame>> FramesAsync(TagId tag, NodaTime.Instant from, NodaTime.Instant to, CancellationToken cancellationToken = default);
}
