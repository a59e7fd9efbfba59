namespace Tagwatch.Storage.Model;

/// <summary>One piece of a tag's licence monitoring still to do, written by the ingest commit that stored it
/// (<see cref="Application.Monitoring.IPendingMonitoringStore"/>): its fixes from <see cref="FromUnixMs"/>, or the
/// device event <see cref="EventId"/>.</summary>
public sealed class PendingMonitoringRow
{
    /// <summary>Increasing and never reused (AUTOINCREMENT).</summary>
    public long Id { get; set; }

    /// <summary>The tag's device id.</summary>
    public required string Tag { get; set; }

    /// <summary>The earliest fix time of the tag in the commit, for fixes.</summary>
    public long? FromUnixMs { get; set; }

    /// <summary>The <c>device_events</c> row, for a device event.</summary>
    public long? EventId { get; set; }

    /// <summary>When the commit's latest fix of the tag, or the event, arrived (the store has no clock).</summary>
    public long QueuedUnixMs { get; set; }

    /// <summary>Attempts of the monitoring sweep that failed on this entry.</summary>
    public int FailedAttempts { get; set; }
}
