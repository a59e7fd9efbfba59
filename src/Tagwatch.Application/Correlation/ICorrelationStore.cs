using NodaTime;
using Tagwatch.Correlation.Scored;

namespace Tagwatch.Application.Correlation;

/// <summary>Storage of correlation runs and of matches with their history.</summary>
public interface ICorrelationStore
{
    /// <summary>Records a run (started, or finished with its counts); recording the same id again updates it.</summary>
    Task RecordRunAsync(CorrelationRun run, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves a run's matches, revising each stored one as <see cref="Core.Matches.MatchWorkflow.Revise"/> decides. A match
    /// identical to the engine's last result changes nothing; a changed one (new crime version, new fixes) not yet
    /// disclosed is updated, returns to review and keeps its previous state in its history; one the run checked and no
    /// longer matched is withdrawn, also with history. A disclosed match keeps its state, outcome and evidence as
    /// disclosed: the new result (or its absence) is recorded as an amendment instead.
    /// </summary>
    Task<MatchSaveResult> SaveMatchesAsync(Guid runId, IReadOnlyList<ScoredMatch> matches, IReadOnlyCollection<(string Force, string Reference)> crimesChecked, IReadOnlyCollection<string> tagsChecked, Instant now, CancellationToken cancellationToken = default);

    /// <summary>One stored match with its evidence, factors and gaps as stored (JSON), and its history; null when unknown.</summary>
    Task<StoredMatchDetail?> GetMatchAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Stored matches (current states), most significant first.</summary>
    Task<IReadOnlyList<StoredMatch>> ListMatchesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies a review step in one transaction under <see cref="Core.Matches.MatchWorkflow"/>'s rules and records it.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such match.</exception>
    /// <exception cref="InvalidOperationException">The step is not allowed from the match's current state; the message says why.</exception>
    Task<MatchReviewEntry> ReviewAsync(long matchId, MatchReviewStep step, Instant at, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the disclosure of amendment <paramref name="number"/> of a disclosed match as a supplement, in one
    /// transaction under <see cref="Core.Matches.MatchWorkflow.SupplementRefusal"/>'s rules.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such match or amendment.</exception>
    /// <exception cref="Core.NotAllowedNowException">The match is not disclosed, or the amendment already was.</exception>
    Task<MatchAmendment> DiscloseSupplementAsync(long matchId, int number, SupplementDisclosure disclosure, CancellationToken cancellationToken = default);

    /// <summary>Marks every run recorded as <see cref="CorrelationRunStatus.Running"/> as
    /// <see cref="CorrelationRunStatus.Interrupted"/>; returns how many were.</summary>
    Task<int> MarkInterruptedAsync(CancellationToken cancellationToken = default);

    /// <summary>How many runs are recorded.</summary>
    Task<long> CountRunsAsync(CancellationToken cancellationToken = default);

    /// <summary>Recorded runs, newest first.</summary>
    Task<IReadOnlyList<CorrelationRun>> ListRunsAsync(int limit = 100, CancellationToken cancellationToken = default);

    /// <summary>The parameters (JSON) a run used, or null for an unknown run.</summary>
    Task<string?> RunParametersAsync(Guid runId, CancellationToken cancellationToken = default);

    /// <summary>A match's review steps, oldest first.</summary>
    Task<IReadOnlyList<MatchReviewEntry>> ReviewsAsync(long matchId, CancellationToken cancellationToken = default);
}
