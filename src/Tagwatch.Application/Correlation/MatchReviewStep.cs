using NodaTime;
using Tagwatch.Core.Matches;

namespace Tagwatch.Application.Correlation;

/// <summary>A step asked of a match: a new state (qualify, dismiss, disclose) or a police outcome, by whom and why.</summary>
/// <param name="To">The new state, or null for an outcome.</param>
/// <param name="Outcome">The police outcome, for outcome steps.</param>
/// <param name="Reason">Why (required: a reviewer's reason, a disclosure's purpose, an outcome's note).</param>
/// <param name="DisclosedTo">The recipient, for disclosures.</param>
public sealed record MatchReviewStep(string Actor, string ActorRole, MatchState? To, PoliceOutcome? Outcome, string Reason, string? DisclosedTo = null);

/// <summary>A step as recorded on the match.</summary>
public sealed record MatchReviewEntry(Instant At, string Actor, string ActorRole, string FromState, string ToState, string? Outcome, string Reason, string? DisclosedTo);
