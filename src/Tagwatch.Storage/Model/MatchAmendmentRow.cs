namespace Tagwatch.Storage.Model;

/// <summary>
/// A later engine result for a disclosed match (the match row keeps the evidence as disclosed), and its disclosure as a
/// supplement once a reviewer made it.
/// </summary>
public sealed class MatchAmendmentRow
{
    public long Id { get; set; }

    public long MatchId { get; set; }

    /// <summary>1, 2, … per match.</summary>
    public int Number { get; set; }

    public Guid RunId { get; set; }

    public long AtUnixMs { get; set; }

    public required string Reason { get; set; }

    /// <summary>False when the engine no longer finds the match (the result columns are then empty).</summary>
    public bool Found { get; set; }

    public int CrimeVersion { get; set; }

    public double? Score { get; set; }

    public bool Significant { get; set; }

    public double? MinDistanceMetres { get; set; }

    public long? ClosestTimeUnixMs { get; set; }

    public double? MarginMetres { get; set; }

    public double? DwellSeconds { get; set; }

    public double? GapSeconds { get; set; }

    public string? HabitualPlace { get; set; }

    public string? FactorsJson { get; set; }

    /// <summary>Serialised exactly as <see cref="MatchRow.EvidenceJson"/> is.</summary>
    public string? EvidenceJson { get; set; }

    public string? GapsJson { get; set; }

    /// <summary>The result's content hash (as <see cref="MatchRow.ContentHash"/>), or null when not found.</summary>
    public string? ContentHash { get; set; }

    public long? SupplementUnixMs { get; set; }

    public string? SupplementActor { get; set; }

    public string? SupplementActorRole { get; set; }

    public string? SupplementReason { get; set; }

    public string? SupplementDisclosedTo { get; set; }
}
