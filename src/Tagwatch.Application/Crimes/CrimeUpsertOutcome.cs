namespace Tagwatch.Application.Crimes;

/// <summary>What storing one crime did.</summary>
public enum CrimeUpsertOutcome
{
    /// <summary>A crime not held before; stored as version 1.</summary>
    Created,

    /// <summary>A resubmission with changed fields; stored as the next version.</summary>
    NewVersion,

    /// <summary>An identical resubmission; nothing changed.</summary>
    Unchanged,
}
