using Tagwatch.Correlation.Scored;

namespace Tagwatch.Application.Correlation;

/// <summary>
/// Does the correlation work waiting in the durable queue (<see cref="IPendingCorrelationStore"/>): crimes imported or
/// changed and not yet checked, and fixes whose crimes' windows are to be checked again. The server does it every
/// minute and at start-up (work left by a crash is resumed there); an import does its own at once, with any left over.
/// </summary>
/// <remarks>An entry is cleared only once the run that checked it finished: a run that fails or is interrupted leaves
/// its work waiting for the next. Runs whose process stopped before they finished are marked
/// <see cref="CorrelationRunStatus.Interrupted"/> at start-up.</remarks>
public sealed class PendingCorrelation(ScoredCorrelation correlation, IPendingCorrelationStore pending, ICorrelationStore runs)
{
    /// <summary>Marks every run still recorded as running as interrupted; call once at start-up, before any run
    /// starts. Returns how many were.</summary>
    public Task<int> MarkInterruptedRunsAsync(CancellationToken cancellationToken = default) => runs.MarkInterruptedAsync(cancellationToken);

    /// <summary>Checks every crime waiting against all history; null when none was waiting.</summary>
    public async Task<ScoredCorrelation.Outcome?> RunCrimesAsync(string requestedBy, CancellationToken cancellationToken = default)
    {
        if (await pending.PendingCrimesAsync(cancellationToken) is not { } waiting)
        {
            return null;
        }

        var outcome = await correlation.RunForCrimesAsync(new ScoringParameters(), waiting.Crimes, requestedBy, cancellationToken);
        await pending.CompleteCrimesAsync(waiting.UpTo, cancellationToken);
        return outcome;
    }

    /// <summary>Checks again the crimes whose windows the waiting fixes touch.</summary>
    /// <returns>Null when no fixes were waiting or they touch no crime's window (nothing checked, no run recorded; the
    /// fixes are cleared either way).</returns>
    public async Task<ScoredCorrelation.Outcome?> RunFixesAsync(string requestedBy, CancellationToken cancellationToken = default)
    {
        if (await pending.PendingFixesAsync(cancellationToken) is not { } waiting)
        {
            return null;
        }

        var outcome = await correlation.RunForFixesAsync(new ScoringParameters(), waiting.From, waiting.To, requestedBy, cancellationToken);
        await pending.CompleteFixesAsync(waiting.UpTo, cancellationToken);
        return outcome;
    }
}
