namespace Tagwatch.Storage.Model;

/// <summary>The current state of a crime–tag match; earlier states are in <see cref="MatchHistoryRow"/>.</summary>
public sealed class MatchRow
{
    public long Id { get; set; }

    public required string Force { get; set; }

    public required string CrimeReference { get; set; }

    public int CrimeVersion { get; set; }

    public required string DeviceId { get; set; }

    public string? OffenderReference { get; set; }

    public Guid RunId { get; set; }

    public double Score { get; set; }

    public bool Significant { get; set; }

    public double MinDistanceMetres { get; set; }

    public long ClosestTimeUnixMs { get; set; }

    public double MarginMetres { get; set; }

    public double DwellSeconds { get; set; }

    public double GapSeconds { get; set; }

    public string? HabitualPlace { get; set; }

    public required string FactorsJson { get; set; }

    public required string EvidenceJson { get; set; }

    public required string GapsJson { get; set; }

    /// <summary>A <see cref="Core.Matches.MatchState"/> name: new, qualified, dismissed, disclosed, withdrawn.</summary>
    public required string State { get; set; }

    /// <summary>The latest police outcome of a disclosed match.</summary>
    public string? Outcome { get; set; }

    /// <summary>Hash of everything the engine produced, so an identical re-run changes nothing.</summary>
    public required string ContentHash { get; set; }

    public long UpdatedUnixMs { get; set; }

    /// <summary>Bumped by every change; a change made from an older read is refused (a concurrency token), so a review
    /// and a correlation pass, or two reviewers, never overwrite each other unseen.</summary>
    public long Version { get; set; }
}
