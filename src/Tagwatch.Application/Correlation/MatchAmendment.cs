using NodaTime;

namespace Tagwatch.Application.Correlation;

/// <summary>
/// A later engine result for a disclosed match, recorded beside it: the match itself keeps the evidence as disclosed
/// (what the police hold), and a reviewer may disclose this as a supplement.
/// </summary>
/// <param name="Number">1, 2, … in the order they were recorded for the match.</param>
/// <param name="At">When the run recorded it.</param>
/// <param name="RunId">The run that produced it.</param>
/// <param name="Reason">Why it differs (a new crime version, new or late fixes, the engine no longer finding the match).</param>
/// <param name="Found">False when the engine no longer finds the match at all (then there is no evidence).</param>
/// <param name="CrimeVersion">The crime version the run used.</param>
/// <param name="Score">The new score, when found.</param>
/// <param name="Significant">Whether the new result is significant.</param>
/// <param name="MinDistanceMetres">The new closest distance, when found.</param>
/// <param name="ClosestTimeUnixMs">When the tag was closest, when found.</param>
/// <param name="DwellSeconds">The new dwell, when found.</param>
/// <param name="GapSeconds">The new monitoring gap, when found.</param>
/// <param name="HabitualPlace">"home" or "regular place" when the crime is at one.</param>
/// <param name="FactorsJson">The new factors as stored, when found.</param>
/// <param name="EvidenceJson">The new evidence points, stored as the match's own evidence is, when found.</param>
/// <param name="GapsJson">The new monitoring gaps, when found.</param>
/// <param name="Supplement">Its disclosure as a supplement, once a reviewer made it.</param>
public sealed record MatchAmendment(
    int Number, Instant At, Guid RunId, string Reason, bool Found, int CrimeVersion,
    double? Score, bool Significant, double? MinDistanceMetres, long? ClosestTimeUnixMs, double? DwellSeconds, double? GapSeconds,
    string? HabitualPlace, string? FactorsJson, string? EvidenceJson, string? GapsJson, SupplementDisclosure? Supplement);
