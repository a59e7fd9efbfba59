namespace Tagwatch.Core.Matches;

/// <summary>What came of a disclosed match, as recorded by the police who received it.</summary>
public enum PoliceOutcome
{
    NoFurtherAction,
    Eliminated,
    Arrested,
    Charged,
    Convicted,
}
