namespace Tagwatch.Core.Conditions;

/// <summary>What a location condition requires.</summary>
public enum ConditionKind
{
    /// <summary>Stay out of the zone (while its schedule applies).</summary>
    Exclusion,

    /// <summary>Stay inside the zone (while its schedule applies).</summary>
    Inclusion,

    /// <summary>Be inside the curfew address zone during the curfew hours; being home is checked at each curfew's
    /// start (after the grace period), not only when a fix shows leaving.</summary>
    Curfew,
}
