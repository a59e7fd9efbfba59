using NodaTime;
using Tagwatch.Protocols.Devices.OsmAnd;

namespace Tagwatch.Application.Ingest;

/// <summary>Tuning of the ingest pipeline; defaults suit a pilot of a hundred tags and a national service alike.</summary>
public sealed record IngestOptions
{
    /// <summary>The batch upload API's protocol name.</summary>
    public const string BatchProtocol = Protocols.Devices.Batch.BatchUploadReader.ProtocolName;

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

    /// <summary>The ports each protocol's listener serves (the server sets them from its configuration); a message of a
    /// protocol listed here is accepted only from one of its ports. A protocol not listed is not checked by port.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<int>> ListenerPorts { get; init; } = new Dictionary<string, IReadOnlySet<int>>(StringComparer.Ordinal);

    /// <summary>Protocols whose messages must be vouched for by a credential or an allow-listed gateway network
    /// (<see cref="DeviceProof"/>): the HTTP uploads, which anyone who can reach the port could otherwise send.</summary>
    public IReadOnlySet<string> ProtocolsRequiringProof { get; init; } = new HashSet<string>(StringComparer.Ordinal) { OsmAndDecoder.ProtocolName, BatchProtocol };

    /// <summary>Upload channels bound by their credential rather than by the tag's registered protocol: a vendor
    /// gateway forwards its devices' fixes whatever protocol they speak to it.</summary>
    public IReadOnlySet<string> CredentialBoundProtocols { get; init; } = new HashSet<string>(StringComparer.Ordinal) { BatchProtocol };

    /// <summary>Most records kept of refused messages; beyond it the least recently seen are folded into one record
    /// (their messages still counted), so a flood of invented identifiers cannot grow the table without end.</summary>
    public int MaxRefusalRecords { get; init; } = 1_000;
}
