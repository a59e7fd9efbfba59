namespace Tagwatch.Core.Matches;

/// <summary>What a correlation run found for a crime and tag that already have a stored match.</summary>
public enum EngineFinding
{
    /// <summary>The same result as the engine last gave for this match (for a disclosed match: its latest amendment, or
    /// the evidence as disclosed when it has none).</summary>
    Unchanged,

    /// <summary>A different result: a new crime version, new or late fixes, or other parameters.</summary>
    Changed,

    /// <summary>The run checked the crime and tag and no longer finds a match.</summary>
    NotFound,
}
