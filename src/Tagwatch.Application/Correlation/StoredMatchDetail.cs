namespace Tagwatch.Application.Correlation;

/// <summary>A stored match with everything that supports it; the factors, evidence and gaps in the API's JSON style
/// (<see cref="MatchEvidenceJson"/>), whichever style the row was stored in.</summary>
/// <param name="Match">The summary.</param>
/// <param name="FactorsJson">The score's factors.</param>
/// <param name="EvidenceJson">The evidence points (for a disclosed match, as disclosed).</param>
/// <param name="GapsJson">The monitoring gaps.</param>
/// <param name="HabitualPlace">"home" or "regular place" when the crime is at one.</param>
/// <param name="History">Earlier states, oldest first: when, why, and the snapshot.</param>
public sealed record StoredMatchDetail(StoredMatch Match, string FactorsJson, string EvidenceJson, string GapsJson, string? HabitualPlace, IReadOnlyList<(long ReplacedUnixMs, string Reason, string SnapshotJson)> History)
{
    /// <summary>Later engine results recorded beside a disclosed match, oldest first (the evidence above stays as disclosed).</summary>
    public IReadOnlyList<MatchAmendment> Amendments { get; init; } = [];
}
