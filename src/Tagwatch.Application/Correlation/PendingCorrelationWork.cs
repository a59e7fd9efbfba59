using NodaTime;

namespace Tagwatch.Application.Correlation;

/// <summary>Crimes waiting to be checked against all history: imported or changed, not yet correlated.</summary>
/// <param name="UpTo">The last queue entry read; <see cref="IPendingCorrelationStore.CompleteCrimesAsync"/> with it
/// clears these and nothing queued later.</param>
public sealed record PendingCrimes(long UpTo, IReadOnlyList<(string Force, string Reference)> Crimes);

/// <summary>Fixes waiting for the crimes whose windows they touch to be checked again: from the earliest to the latest
/// fix time of every commit queued.</summary>
/// <param name="UpTo">The last queue entry read; <see cref="IPendingCorrelationStore.CompleteFixesAsync"/> with it
/// clears these and nothing queued later.</param>
public sealed record PendingFixes(long UpTo, Instant From, Instant To);
