namespace Tagwatch.Application.Correlation;

/// <summary>A match as stored: its current state and a summary of its evidence.</summary>
public sealed record StoredMatch(
    long Id, string Force, string CrimeReference, int CrimeVersion, string Tag, string? OffenderReference,
    double Score, bool Significant, double MinDistanceMetres, long ClosestTimeUnixMs, double DwellSeconds, double GapSeconds,
    string State, Guid RunId, int HistoryCount);
