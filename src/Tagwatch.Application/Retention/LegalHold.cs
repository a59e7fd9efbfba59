using NodaTime;

namespace Tagwatch.Application.Retention;

/// <summary>A hold on a person's data: while it stands, retention deletes nothing of theirs (trails, frames, alerts, matches, their crimes' records through those matches, and their own records).</summary>
public sealed record LegalHold(string OffenderReference, string Reason, string PlacedBy, Instant Placed, Instant? Lifted, string? LiftedBy);
