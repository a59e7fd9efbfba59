namespace Tagwatch.Application.Maintenance;

/// <summary>The names of the singleton work leases (<see cref="IWorkLeases"/>): each is held by one node at a time.</summary>
public static class WorkLeaseNames
{
    /// <summary>Deleting data past retention.</summary>
    public const string Retention = "retention";

    /// <summary>Correlation of the crimes and fixes waiting in the durable queue.</summary>
    public const string Correlation = "correlation";

    /// <summary>Building the day grids strict correlation reads.</summary>
    public const string FixGrids = "fix-grids";

    /// <summary>Packing raw frames of finished days into compressed blocks.</summary>
    public const string FrameCompaction = "frame-compaction";

    /// <summary>Sending the notices of alerts left unacknowledged.</summary>
    public const string Notifications = "notifications";

    /// <summary>The licence monitor's sweep: silence (no contact, no fix) and curfew start checks over every worn tag.</summary>
    public const string MonitorSweep = "monitor-sweep";
}
