namespace Tagwatch.Application.Ingest;

/// <summary>What became of an ingested message.</summary>
public enum IngestStatus
{
    /// <summary>Durably stored (its fixes, events and raw frame); the device may be acknowledged.</summary>
    Stored,

    /// <summary>The device is not registered: nothing was stored; the refusal is counted.</summary>
    UnknownDevice,

    /// <summary>The device is registered, but this message may not report for it (another protocol or port, no
    /// credential, another device's credential): nothing was stored; the refusal is counted with its reason.</summary>
    Refused,

    /// <summary>The message names no device (e.g. a GT06 location before any login).</summary>
    NoDevice,

    /// <summary>The store failed; nothing of this message is promised. The device should retry.</summary>
    Failed,
}

/// <summary>The outcome of one message, known once its group commit is durable.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Positions">Positions in the message.</param>
/// <param name="Rejected">Positions refused as impossible (clock faults), each with its reason.</param>
/// <param name="Reason">Why the message was not stored, when it was not.</param>
/// <param name="Refusal">The kind of refusal, when the device was refused.</param>
public sealed record IngestResult(IngestStatus Status, int Positions, IReadOnlyList<string> Rejected, string? Reason = null, RefusalReason? Refusal = null)
{
    /// <summary>True when the device may be acknowledged.</summary>
    public bool IsStored => Status == IngestStatus.Stored;
}
