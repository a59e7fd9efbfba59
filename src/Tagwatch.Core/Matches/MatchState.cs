namespace Tagwatch.Core.Matches;

/// <summary>Where a match is in review and disclosure. Stored by its lower-case name.</summary>
public enum MatchState
{
    /// <summary>Produced (or changed) by the engine, awaiting a reviewer.</summary>
    New,

    /// <summary>A reviewer judged it worth passing to police.</summary>
    Qualified,

    /// <summary>A reviewer judged it not worth passing on (with a reason).</summary>
    Dismissed,

    /// <summary>Shared with the police of the crime's borough, who record what came of it.</summary>
    Disclosed,

    /// <summary>The engine no longer finds it (crime changed, fixes corrected).</summary>
    Withdrawn,
}
