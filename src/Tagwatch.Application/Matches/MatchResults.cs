using Tagwatch.Application.Correlation;
using Tagwatch.Core.Crimes;

namespace Tagwatch.Application.Matches;

/// <summary>The matches the actor may see; <paramref name="ShowAmendmentCounts"/> when the actor reviews (police are not told of amendments not disclosed to them).</summary>
public sealed record MatchList(IReadOnlyList<StoredMatch> Matches, bool ShowAmendmentCounts);

/// <summary>One match as the actor may see it: evidence, history, review steps and the visible amendments.</summary>
public sealed record MatchView(StoredMatchDetail Detail, IReadOnlyList<MatchReviewEntry> Reviews, IReadOnlyList<MatchAmendment> Amendments, bool ShowAmendmentCounts)
{
    /// <summary>The crime version the match was made against; null when that version is no longer stored (retention).</summary>
    public Crime? Crime { get; init; }

    /// <summary>The search buffer (metres around the crime's stated precision) of the run that made the match.</summary>
    public double BufferMetres { get; init; }
}

/// <summary>A review step taken on a match, and the match as it was.</summary>
public sealed record MatchDecision(MatchReviewEntry Entry, StoredMatch Match);

/// <summary>A disclosed supplement, and the match it belongs to.</summary>
public sealed record SupplementDisclosed(MatchAmendment Amendment, StoredMatch Match);
