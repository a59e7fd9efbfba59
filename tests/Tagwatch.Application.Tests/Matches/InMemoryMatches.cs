using NodaTime;
using Tagwatch.Application.Correlation;
using Tagwatch.Core.Matches;
using Tagwatch.Correlation.Scored;

namespace Tagwatch.Application.Tests.Matches;

/// <summary>Matches held in memory, with review steps applied under the workflow's rules as the stores apply them.</summary>
internal sealed class InMemoryMatches : ICorrelationStore
{
    private readonly Dictionary<long, StoredMatchDetail> _matches = [];
    private readonly Dictionary<long, List<MatchReviewEntry>> _reviews = [];

    /// <summary>Adds a match in <paramref name="state"/> of a crime in <paramref name="borough"/>.</summary>
    public StoredMatch Add(long id, MatchState state, string? borough, bool significant = true)
    {
        var match = new StoredMatch(id, "MPS", $"CR{id}", 1, $"TAG{id}", $"A{id:0000}", significant ? 0.9 : 0.2, significant, 12.34, 1_551_441_600_000, 300, 0,
            MatchWorkflow.Name(state), Guid.NewGuid(), 0, borough);
        _matches[id] = new StoredMatchDetail(match, "{}", "[]", "[]", null, []);
        _reviews[id] = [];
        return match;
    }

    public Task<StoredMatchDetail?> GetMatchAsync(long id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_matches.GetValueOrDefault(id));

    public Task<IReadOnlyList<StoredMatch>> ListMatchesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoredMatch>>(_matches.Values.Select(d => d.Match).OrderByDescending(m => m.Score).ToList());

    public Task<MatchReviewEntry> ReviewAsync(long matchId, MatchReviewStep step, Instant at, CancellationToken cancellationToken = default)
    {
        var detail = _matches.GetValueOrDefault(matchId) ?? throw new KeyNotFoundException($"There is no match {matchId}.");
        var from = MatchWorkflow.Parse(detail.Match.State);
        string? refusal = step.To is { } to ? MatchWorkflow.Refusal(from, to, detail.Match.Significant) : MatchWorkflow.OutcomeRefusal(from);
        if (refusal is not null)
        {
            throw new InvalidOperationException(refusal);
        }

        var state = step.To ?? from;
        var entry = new MatchReviewEntry(at, step.Actor, step.ActorRole, MatchWorkflow.Name(from), MatchWorkflow.Name(state), step.Outcome?.ToString(), step.Reason, step.DisclosedTo);
        _matches[matchId] = detail with { Match = detail.Match with { State = MatchWorkflow.Name(state), Outcome = step.Outcome?.ToString() ?? detail.Match.Outcome } };
        _reviews[matchId].Add(entry);
        return Task.FromResult(entry);
    }

    public Task<IReadOnlyList<MatchReviewEntry>> ReviewsAsync(long matchId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<MatchReviewEntry>>(_reviews.GetValueOrDefault(matchId) ?? []);

    public Task<MatchAmendment> DiscloseSupplementAsync(long matchId, int number, SupplementDisclosure disclosure, CancellationToken cancellationToken = default) =>
        throw new KeyNotFoundException($"Match {matchId} has no amendment {number}.");

    public Task RecordRunAsync(CorrelationRun run, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<MatchSaveResult> SaveMatchesAsync(Guid runId, IReadOnlyList<ScoredMatch> matches, IReadOnlyCollection<(string Force, string Reference)> crimesChecked, IReadOnlyCollection<string> tagsChecked, Instant now, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<int> MarkInterruptedAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<long> CountRunsAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<CorrelationRun>> ListRunsAsync(int limit = 100, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    /// <summary>The parameters every run is said to have been made with (as stored: JSON), or null for a run not recorded.</summary>
    public string? RunParameters { get; set; }

    public Task<string?> RunParametersAsync(Guid runId, CancellationToken cancellationToken = default) => Task.FromResult(RunParameters);
}
