namespace Tagwatch.Storage.Model;

/// <summary>One tag's licence monitoring still to do from <see cref="FromUnixMs"/>, written by the ingest commit that
/// stored its fixes (<see cref="Application.Monitoring.IPendingMonitoringStore"/>).</summary>
public sealed class PendingMonitoringRow
{
    /// <summary>Increasing and never reused (AUTOINCREMENT).</summary>
    public long Id { get; set; }

    /// <summary>The tag's device id.</summary>
    public required string Tag { get; set; }

    /// <summary>The earliest fix time of the tag in the commit.</summary>
    public long FromUnixMs { get; set; }

    /// <summary>When the commit's latest fix of the tag arrived (the store has no clock).</summary>
    public long QueuedUnixMs { get; set; }
}
