using Tagwatch.Core.Matches;

namespace Tagwatch.Application.Matches;

/// <summary>A review decision on match <paramref name="Id"/>: why (for a disclosure, its purpose).</summary>
public sealed record MatchDecisionRequest(long Id, string? Reason);

/// <summary>Which matches to list: all the actor may see, or only those in <paramref name="State"/>, or only significant ones.</summary>
public sealed record ListMatchesRequest(MatchState? State = null, bool SignificantOnly = false);

/// <summary>Disclose amendment <paramref name="Number"/> of disclosed match <paramref name="Id"/> as a supplement, with its purpose.</summary>
public sealed record DiscloseSupplementRequest(long Id, int Number, string? Reason);

/// <summary>What came of disclosed match <paramref name="Id"/>, with an optional note.</summary>
public sealed record RecordOutcomeRequest(long Id, PoliceOutcome Outcome, string? Note);

/// <summary>Match <paramref name="Id"/>.</summary>
public sealed record MatchRequest(long Id);
