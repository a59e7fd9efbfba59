namespace Tagwatch.Application.Correlation;

/// <summary>What saving a run's matches did.</summary>
/// <param name="Created">New matches.</param>
/// <param name="Updated">Matches whose new result replaced the stored one (they returned to review).</param>
/// <param name="Unchanged">Matches the run found as they were.</param>
/// <param name="Withdrawn">Matches the run no longer found, now withdrawn.</param>
/// <param name="Amended">Disclosed matches whose new result was recorded as an amendment (they stay disclosed).</param>
public sealed record MatchSaveResult(int Created, int Updated, int Unchanged, int Withdrawn, int Amended = 0)
{
    /// <summary>Every match that had been reviewed (or withdrawn) and that the run revised, for the audit log.</summary>
    public IReadOnlyList<RevisedMatch> Revisions { get; init; } = [];
}
