using Tagwatch.Core.Identity;

namespace Tagwatch.Correlation.Strict;

/// <summary>A crime and a tag with at least one fix inside the radius during the padded window.</summary>
/// <param name="CrimeReference">The crime's reference.</param>
/// <param name="Tag">The tag.</param>
/// <param name="FixCount">How many of the tag's fixes qualify.</param>
/// <param name="MinDistanceMetres">Ellipsoidal distance of the closest qualifying fix.</param>
public sealed record StrictMatch(string CrimeReference, TagId Tag, int FixCount, double MinDistanceMetres);
