namespace Tagwatch.Storage.Model;

/// <summary>A previous state of a match, kept when a new crime version or new fixes changed it.</summary>
public sealed class MatchHistoryRow
{
    public long Id { get; set; }

    public long MatchId { get; set; }

    public Guid RunId { get; set; }

    public required string SnapshotJson { get; set; }

    public required string Reason { get; set; }

    public long ReplacedUnixMs { get; set; }
}
