using NodaTime;

namespace Tagwatch.Application.Ingest;

/// <summary>Tuning of the ingest pipeline; defaults suit a pilot of a hundred tags and a national service alike.</summary>
public sealed record IngestOptions
{
    /// <summary>Messages waiting for their commit before submitters are made to wait (back-pressure).</summary>
    public int QueueCapacity { get; init; } = 200_000;

    /// <summary>Most messages written by one group commit.</summary>
    public int MaxMessagesPerCommit { get; init; } = 20_000;

    /// <summary>How long a device found unregistered is refused from memory before the registry is asked again.</summary>
    public Duration UnknownDeviceRecheck { get; init; } = Duration.FromSeconds(10);

    /// <summary>Fixes dated before this are clock faults (a reset or week-rollover clock) and are refused.</summary>
    public Instant EarliestFixTime { get; init; } = Instant.FromUtc(2010, 1, 1, 0, 0);

    /// <summary>Fixes dated further than this ahead of their arrival are clock faults and are refused.</summary>
    public Duration MaximumClockLead { get; init; } = Duration.FromDays(1);
}
