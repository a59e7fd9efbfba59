using System.Diagnostics.Metrics;

namespace Tagwatch.Application.Ingest;

/// <summary>Ingest counters and timings, published on the <c>Tagwatch.Ingest</c> meter.</summary>
public sealed class IngestMetrics : IDisposable
{
    /// <summary>Name of the meter.</summary>
    public const string MeterName = "Tagwatch.Ingest";

    private readonly Meter _meter = new(MeterName);

    /// <summary>Creates the instruments.</summary>
    public IngestMetrics(Func<long> queueDepth)
    {
        Messages = _meter.CreateCounter<long>("tagwatch.ingest.messages", description: "Device messages committed, by protocol");
        FixesStored = _meter.CreateCounter<long>("tagwatch.ingest.fixes_stored", description: "New fixes stored");
        Duplicates = _meter.CreateCounter<long>("tagwatch.ingest.duplicates", description: "Fixes already stored (retries, re-uploads)");
        Refused = _meter.CreateCounter<long>("tagwatch.ingest.refused", description: "Messages refused, by reason (tag reason: unregistered, malformed_identifier, wrong_protocol, wrong_port, no_credential, credential_not_for_device, no_device)");
        RejectedPositions = _meter.CreateCounter<long>("tagwatch.ingest.rejected_positions", description: "Positions refused as clock faults");
        Commits = _meter.CreateCounter<long>("tagwatch.ingest.commits", description: "Group commits");
        CommitSeconds = _meter.CreateHistogram<double>("tagwatch.ingest.commit_duration", unit: "s", description: "Time of one group commit");
        _meter.CreateObservableGauge("tagwatch.ingest.queue_depth", queueDepth, description: "Messages waiting for a commit");
    }

    /// <summary>Device messages committed.</summary>
    public Counter<long> Messages { get; }

    /// <summary>New fixes stored.</summary>
    public Counter<long> FixesStored { get; }

    /// <summary>Duplicate fixes.</summary>
    public Counter<long> Duplicates { get; }

    /// <summary>Refused messages, with a <c>reason</c> tag (<see cref="RefusalReason"/> in snake_case, or <c>no_device</c>).</summary>
    public Counter<long> Refused { get; }

    /// <summary>Positions refused as clock faults.</summary>
    public Counter<long> RejectedPositions { get; }

    /// <summary>Group commits.</summary>
    public Counter<long> Commits { get; }

    /// <summary>Commit durations.</summary>
    public Histogram<double> CommitSeconds { get; }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
