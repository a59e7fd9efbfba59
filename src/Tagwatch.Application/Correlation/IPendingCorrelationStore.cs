namespace Tagwatch.Application.Correlation;

/// <summary>
/// The durable queue of correlation work waiting to be done. Entries are written by the stores in the same transaction
/// as what causes them — a live ingest commit queues its fixes' time span, a crime import its new and changed crimes, a
/// corrected tag assignment the span it changed — so work acknowledged or committed is never lost by a crash: it is
/// read back at the next start-up. Entries are cleared only after the run that checked them finished.
/// </summary>
/// <remarks>Entries carry increasing ids that are never reused: clearing "up to" an id read earlier never clears an
/// entry queued after the read.</remarks>
public interface IPendingCorrelationStore
{
    /// <summary>The crimes waiting, or null when none are.</summary>
    Task<PendingCrimes?> PendingCrimesAsync(CancellationToken cancellationToken = default);

    /// <summary>The span of fix times waiting, or null when none is.</summary>
    Task<PendingFixes?> PendingFixesAsync(CancellationToken cancellationToken = default);

    /// <summary>Clears the crime entries up to <paramref name="upTo"/>: they were checked.</summary>
    Task CompleteCrimesAsync(long upTo, CancellationToken cancellationToken = default);

    /// <summary>Clears the fix spans up to <paramref name="upTo"/>: they were checked.</summary>
    Task CompleteFixesAsync(long upTo, CancellationToken cancellationToken = default);
}
