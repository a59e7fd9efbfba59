using Tagwatch.Core.Identity;

namespace Tagwatch.Simulation;

/// <summary>Whether a simulated crime was planted on a tag's true path or placed as a decoy near it.</summary>
public enum GroundTruthKind
{
    /// <summary>At the person's true position during the committed window: a correct match.</summary>
    Planted,

    /// <summary>150–400 m from the person's true path throughout the window: must not be a significant match.</summary>
    Decoy,
}

/// <summary>One line of <c>truth.csv</c>.</summary>
public sealed record GroundTruth(string CrimeReference, TagId Tag, GroundTruthKind Kind);
