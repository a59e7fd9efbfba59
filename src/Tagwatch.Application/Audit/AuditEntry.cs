using NodaTime;

namespace Tagwatch.Application.Audit;

/// <summary>One stored audit record: its place in the chain, when, what, and the chain's hashes.</summary>
/// <param name="Sequence">1, 2, 3… without gaps.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="Event">What it records.</param>
/// <param name="PreviousHash">The hash of the record before (or of the chain's base).</param>
/// <param name="Hash">SHA-256 over this record's fields and <paramref name="PreviousHash"/>.</param>
public sealed record AuditEntry(long Sequence, Instant At, AuditEvent Event, string PreviousHash, string Hash);
