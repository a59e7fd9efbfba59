namespace Tagwatch.Storage.Model;

/// <summary>One review or disclosure step of a match, or an outcome recorded by police: who, when, why.</summary>
public sealed class MatchReviewRow
{
    public long Id { get; set; }

    public long MatchId { get; set; }

    public long AtUnixMs { get; set; }

    public required string Actor { get; set; }

    public required string ActorRole { get; set; }

    public required string FromState { get; set; }

    public required string ToState { get; set; }

    /// <summary>The police outcome, for outcome entries.</summary>
    public string? Outcome { get; set; }

    public required string Reason { get; set; }

    /// <summary>Who received a disclosure (e.g. "Metropolitan Police — Lambeth").</summary>
    public string? DisclosedTo { get; set; }
}
