namespace Tagwatch.Application.Correlation;

/// <summary>A match as stored: its current state and a summary of its evidence.</summary>
/// <param name="BoroughCode">The crime's borough (whose police may receive the match), when known.</param>
/// <param name="Outcome">The latest police outcome of a disclosed match.</param>
/// <param name="Amendments">How many later engine results are recorded beside this disclosed match (see <see cref="MatchAmendment"/>).</param>
public sealed record StoredMatch(
    long Id, string Force, string CrimeReference, int CrimeVersion, string Tag, string? OffenderReference,
    double Score, bool Significant, double MinDistanceMetres, long ClosestTimeUnixMs, double DwellSeconds, double GapSeconds,
    string State, Guid RunId, int HistoryCount, string? BoroughCode = null, string? Outcome = null, int Amendments = 0);
