namespace Tagwatch.Core.Offenders;

/// <summary>Assessed likelihood of reoffending, which decides whether trails are checked against crimes.</summary>
public enum RiskTier
{
    /// <summary>Low likelihood.</summary>
    Low = 1,

    /// <summary>Medium likelihood.</summary>
    Medium = 2,

    /// <summary>High likelihood.</summary>
    High = 3,

    /// <summary>Very high likelihood.</summary>
    VeryHigh = 4,
}
