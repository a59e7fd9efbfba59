using Tagwatch.Application.Correlation;

namespace Tagwatch.Application.Matches;

/// <summary>The matches the actor may see; <paramref name="ShowAmendmentCounts"/> when the actor reviews (police are not told of amendments not disclosed to them).</summary>
public sealed record MatchList(IReadOnlyList<StoredMatch> Matches, bool ShowAmendmentCounts);

/// <summary>One match as the actor may see it: evidence, history, review steps and the visible amendments.</summary>
public sealed record MatchView(StoredMatchDetail Detail, IReadOnlyList<MatchReviewEntry> Reviews, IReadOnlyList<MatchAmendment> Amendments, bool ShowAmendmentCounts);

/// <summary>A review step taken on a match, and the match as it was.</summary>
public sealed record MatchDecision(MatchReviewEntry Entry, StoredMatch Match);

/// <summary>A disclosed supplement, and the match it belongs to.</summary>
public sealed record SupplementDisclosed(MatchAmendment Amendment, StoredMatch Match);
