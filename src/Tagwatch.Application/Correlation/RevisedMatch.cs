using Tagwatch.Core.Matches;

namespace Tagwatch.Application.Correlation;

/// <summary>A stored match a run revised under <see cref="MatchWorkflow.Revise"/>: what it was, what was done and why.</summary>
/// <param name="MatchId">The match.</param>
/// <param name="From">Its state before the run.</param>
/// <param name="Revision">What the store did.</param>
/// <param name="Reason">Why the engine's result differs.</param>
/// <param name="Amendment">The amendment's number, for <see cref="MatchRevision.Amend"/>.</param>
public sealed record RevisedMatch(long MatchId, MatchState From, MatchRevision Revision, string Reason, int? Amendment = null);
